//! Running child processes with a deadline (git commands, worktree init commands).

use std::io::Read;
use std::process::{Child, Command, ExitStatus, Stdio};
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

/// Runs `cmd` (stdin closed), capturing its output unless `inherit`, and kills it after
/// `timeout`.
pub fn run(cmd: &mut Command, timeout: Duration, inherit: bool) -> std::io::Result<Finished> {
    cmd.stdin(Stdio::null());
    if inherit {
        cmd.stdout(Stdio::inherit()).stderr(Stdio::inherit());
    } else {
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    }
    let mut child = cmd.spawn()?;
    // Drain the pipes on threads so a chatty child cannot block on a full pipe.
    let out = child.stdout.take().map(drain);
    let err = child.stderr.take().map(drain);
    let status = wait_deadline(&mut child, timeout)?;
    let join = |h: Option<std::thread::JoinHandle<Vec<u8>>>| {
        h.and_then(|h| h.join().ok()).unwrap_or_default()
    };
    Ok(Finished {
        status,
        stdout: join(out),
        stderr: join(err),
    })
}

fn drain<R: Read + Send + 'static>(mut r: R) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

fn wait_deadline(child: &mut Child, timeout: Duration) -> std::io::Result<Option<ExitStatus>> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        let elapsed = start.elapsed();
        if elapsed >= timeout {
            let _ = child.kill();
            let _ = child.wait();
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
