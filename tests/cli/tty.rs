//! Running the binary on a pseudo-terminal: standard input, output and error are one
//! terminal of a chosen width, as when a person types the command.

use std::io::{Read, Write};
use std::path::Path;
use std::process::Stdio;

use rustix::fs::{Mode, OFlags};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};

use crate::common::TestEnv;

/// What a run on a terminal showed (standard output and error together, `\r\n` as `\n`).
pub struct TtyRun {
    pub status: i32,
    pub screen: String,
}

impl TestEnv {
    /// Runs `git-ticket args…` at the repository root on a terminal `cols` columns wide, with
    /// extra variables, typing `input`.
    pub fn run_tty(&self, args: &[&str], vars: &[(&str, &str)], cols: u16, input: &[u8]) -> TtyRun {
        self.run_tty_in(&self.root, args, vars, cols, input)
    }

    /// [`TestEnv::run_tty`] in `cwd`.
    pub fn run_tty_in(
        &self,
        cwd: &Path,
        args: &[&str],
        vars: &[(&str, &str)],
        cols: u16,
        input: &[u8],
    ) -> TtyRun {
        let master =
            openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let slave = rustix::fs::open(
            name.as_c_str(),
            OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .unwrap();
        let size = rustix::termios::Winsize {
            ws_row: 40,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        rustix::termios::tcsetwinsize(&slave, size).unwrap();
        let mut cmd = self.command_in(cwd);
        cmd.args(args).env("TERM", "xterm");
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let slave = std::fs::File::from(slave);
        cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        let mut child = cmd.spawn().unwrap();
        // Our copies of the terminal's end close with the command: reading ends when the
        // child (and any pager it started) has closed it.
        drop(cmd);
        let mut master = std::fs::File::from(master);
        let mut reader = master.try_clone().unwrap();
        let read = std::thread::spawn(move || {
            let mut out = Vec::new();
            let mut buf = [0u8; 4096];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => out.extend_from_slice(&buf[..n]),
                }
            }
            out
        });
        master.write_all(input).unwrap();
        let status = child.wait().unwrap().code().unwrap_or(-1);
        let out = read.join().unwrap();
        let tmp = self.dir.path().to_str().unwrap();
        TtyRun {
            status,
            screen: String::from_utf8_lossy(&out)
                .replace("\r\n", "\n")
                .replace(tmp, "[TMP]"),
        }
    }
}
