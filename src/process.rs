//! Running child processes with a deadline (git commands, worktree init commands). Each child
//! leads a process group of its own, so that at the deadline the whole group — the child and
//! whatever it started (hooks, `sleep`, a build) — is killed, and output pipes that an orphan
//! still holds open are not waited for. And the one child without a deadline: a person's
//! editor ([`edit`]), which stays in the terminal's foreground group.

use std::io::Read;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// How a child process ended.
#[derive(Debug)]
pub struct Finished {
    /// Exit status; `None` when it was killed at the deadline.
    pub status: Option<ExitStatus>,
    /// Captured standard output (empty when inherited).
    pub stdout: Vec<u8>,
    /// Captured standard error (empty when inherited).
    pub stderr: Vec<u8>,
}

impl Finished {
    /// Whether the process exited with status 0.
    pub fn success(&self) -> bool {
        self.status.is_some_and(|s| s.success())
    }
}

/// Where a child's output goes.
#[derive(Debug)]
pub enum Output {
    /// Captured into [`Finished`].
    Capture,
    /// Written to these (stdout, stderr) as it comes.
    To(Stdio, Stdio),
}

/// How long output is still read after the child ended (or was killed): a process it left
/// behind may hold the pipe open for ever.
const DRAIN_GRACE: Duration = Duration::from_millis(500);

/// Runs `cmd` (stdin closed) in a process group of its own with its output going to
/// `output`, and kills the group after `timeout`.
pub fn run(cmd: &mut Command, timeout: Duration, output: Output) -> std::io::Result<Finished> {
    use std::os::unix::process::CommandExt;
    cmd.stdin(Stdio::null()).process_group(0);
    match output {
        Output::To(out, err) => {
            cmd.stdout(out).stderr(err);
        }
        Output::Capture => {
            cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        }
    }
    let mut child = cmd.spawn()?;
    // Drain the pipes on threads so a chatty child cannot block on a full pipe.
    let out = child.stdout.take().map(drain);
    let err = child.stderr.take().map(drain);
    let status = wait_deadline(&mut child, timeout)?;
    let until = Instant::now() + DRAIN_GRACE;
    let join = |rx: Option<Receiver<Vec<u8>>>| {
        rx.and_then(|rx| {
            rx.recv_timeout(until.saturating_duration_since(Instant::now()))
                .ok()
        })
        .unwrap_or_default()
    };
    Ok(Finished {
        status,
        stdout: join(out),
        stderr: join(err),
    })
}

/// Opens `file` in the editor `command` (a shell command line such as `code -w` or
/// `vim -c 'set tw=72'`), as git does: `sh -c '<command> "$@"' <command> <file>`, with the
/// standard streams the Ui gives (the terminal), in our process group (an editor in a group
/// of its own could not read the terminal). Waits as long as the person edits.
pub fn edit(
    command: &str,
    file: &std::path::Path,
    (stdin, stdout, stderr): (Stdio, Stdio, Stdio),
) -> std::io::Result<ExitStatus> {
    Command::new("sh")
        .arg("-c")
        .arg(format!("{command} \"$@\""))
        .arg(command)
        .arg(file)
        .stdin(stdin)
        .stdout(stdout)
        .stderr(stderr)
        .status()
}

/// At the deadline: kills the process group the child leads (the child and whatever it
/// started) and reaps the child.
fn kill_at_deadline(child: &mut Child) {
    use rustix::process::{Pid, Signal, kill_process_group};
    if let Some(pid) = Pid::from_raw(child.id() as i32) {
        let _ = kill_process_group(pid, Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Reads `r` to its end on a thread; the result arrives on the channel (or never, when a
/// process left behind keeps the pipe open: the reader then gives up, see [`DRAIN_GRACE`]).
fn drain<R: Read + Send + 'static>(mut r: R) -> Receiver<Vec<u8>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        let _ = tx.send(buf);
    });
    rx
}

fn wait_deadline(child: &mut Child, timeout: Duration) -> std::io::Result<Option<ExitStatus>> {
    #[cfg(target_os = "linux")]
    if let Some(status) = wait_pidfd(child, timeout) {
        return status;
    }
    wait_polling(child, timeout)
}

/// Sleeps until the child exits or the deadline passes, woken by the kernel through a
/// process file descriptor (Linux 5.3+): no polling, no latency. `None` when pidfds are
/// not available.
#[cfg(target_os = "linux")]
fn wait_pidfd(child: &mut Child, timeout: Duration) -> Option<std::io::Result<Option<ExitStatus>>> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use rustix::process::{Pid, PidfdFlags, pidfd_open};
    let fd = pidfd_open(Pid::from_child(child), PidfdFlags::empty()).ok()?;
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let left = Timespec {
            tv_sec: left.as_secs().try_into().unwrap_or(i64::MAX),
            tv_nsec: left.subsec_nanos().into(),
        };
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        match poll(&mut fds, Some(&left)) {
            Ok(0) => {
                kill_at_deadline(child);
                return Some(Ok(None));
            }
            Ok(_) => return Some(child.wait().map(Some)),
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Some(Err(e.into())),
        }
    }
}

fn wait_polling(child: &mut Child, timeout: Duration) -> std::io::Result<Option<ExitStatus>> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        let elapsed = start.elapsed();
        if elapsed >= timeout {
            kill_at_deadline(child);
            return Ok(None);
        }
        // Poll finely while the child is young (a git command takes a few milliseconds, and
        // every millisecond slept past its end is added to ours), coarsely afterwards.
        let pause = if elapsed < Duration::from_millis(200) {
            Duration::from_micros(100)
        } else {
            Duration::from_millis(5)
        };
        std::thread::sleep(pause);
    }
}

/// A pager reading what git-ticket writes (see [`Pager::start`]).
#[derive(Debug)]
pub struct Pager {
    child: Child,
    input: Option<std::process::ChildStdin>,
}

impl Pager {
    /// Starts `command` with `sh -c` (as git runs pagers: `less -S`, `delta --paging=always`
    /// work), with `vars` set, reading from a pipe and writing to the terminal it inherits.
    /// It stays in git-ticket's process group (the terminal's foreground group: it reads
    /// keys from it) and has no deadline: a person reads at their own pace.
    pub fn start(command: &str, vars: &[(&str, &str)]) -> std::io::Result<Pager> {
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(command)
            .envs(vars.iter().copied())
            .stdin(Stdio::piped())
            .spawn()?;
        let input = child.stdin.take();
        Ok(Pager { child, input })
    }

    /// Ends the input and waits until the person quits the pager.
    pub fn finish(mut self) {
        drop(self.input.take());
        let _ = self.child.wait();
    }
}

impl std::io::Write for Pager {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.input {
            Some(i) => i.write(buf),
            None => Err(std::io::ErrorKind::BrokenPipe.into()),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.input {
            Some(i) => i.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_status_output_and_the_deadline_kill() {
        let done = run(
            Command::new("sh").args(["-c", "echo out; echo err >&2; exit 3"]),
            Duration::from_secs(10),
            Output::Capture,
        )
        .unwrap();
        assert_eq!(done.status.and_then(|s| s.code()), Some(3));
        assert_eq!(
            (done.stdout.as_slice(), done.stderr.as_slice()),
            (&b"out\n"[..], &b"err\n"[..])
        );
        let t = Instant::now();
        let killed = run(
            Command::new("sleep").arg("5"),
            Duration::from_millis(50),
            Output::Capture,
        )
        .unwrap();
        assert!(killed.status.is_none());
        assert!(t.elapsed() < Duration::from_secs(4), "{:?}", t.elapsed());
        // A shell whose grandchild holds the output pipe: the whole group dies at the
        // deadline, and nobody waits for the pipe.
        let t = Instant::now();
        let killed = run(
            Command::new("sh").args(["-c", "sleep 8; echo late"]),
            Duration::from_millis(100),
            Output::Capture,
        )
        .unwrap();
        assert!(killed.status.is_none());
        assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
        // A child that exits but leaves a process behind holding the pipe is not waited for.
        let t = Instant::now();
        let done = run(
            Command::new("sh").args(["-c", "(sleep 8 &) ; echo quick"]),
            Duration::from_secs(10),
            Output::Capture,
        )
        .unwrap();
        assert!(done.success());
        assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
        for wait in [wait_polling as fn(&mut Child, Duration) -> _, wait_deadline] {
            let mut child = Command::new("sleep").arg("5").spawn().unwrap();
            assert!(
                wait(&mut child, Duration::from_millis(20))
                    .unwrap()
                    .is_none()
            );
            let mut child = Command::new("true").spawn().unwrap();
            assert!(
                wait(&mut child, Duration::from_secs(5))
                    .unwrap()
                    .is_some_and(|s| s.success())
            );
        }
    }
}
