//! `git ticket reopen <ticket> [--todo]`: a done ticket back to doing (it had been started) or
//! to todo ([`crate::ops::reopen`] does the work: one commit, "Reopen ticket: <ID>").

use std::io::{self, Write};

use serde::Serialize;

use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::ops::reopen::{ReopenInput, Reopened, reopen};
use crate::output::{Outcome, Style, Ui, escape_control, write_json};
use crate::ticket::Status;

/// Reopen a done ticket: back to doing, or to todo.
///
/// A ticket that had been started goes back to doing (its worktree and branch, if still
/// there, are where the work goes on); one that never was, or with --todo, goes back to todo
/// (the queue). closed_at is unset and closure_reason removed; the closure note stays in the
/// body as history. The change is committed in this working tree, like a close.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The done ticket to reopen
    #[arg(value_name = "TICKET")]
    ticket: String,
    /// Back to todo (clears started_at too), even if it had been started
    #[arg(long)]
    todo: bool,
}

/// The `reopen` command.
pub struct Reopen;

impl Command for Reopen {
    const NAME: &'static str = "reopen";
    const SUMMARY: &'static str = "Reopen a done ticket (back to doing or todo)";
    const GROUP: Group = Group::Porcelain;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let project = ctx.project()?;
        let input = ReopenInput {
            ticket: &args.ticket,
            to_todo: args.todo,
        };
        Ok(Box::new(Report(reopen(env, project, &input, ui)?)))
    }
}

/// The result of `reopen`, rendered.
struct Report(Reopened);

impl Outcome for Report {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let r = &self.0;
        let id = &r.id;
        writeln!(out.w)?;
        out.styled(Style::Bold, &format!("🔄 Ticket reopened: {id}"))?;
        writeln!(out.w)?;
        writeln!(
            out.w,
            "   Description: {}",
            escape_control(&r.meta.description)
        )?;
        writeln!(out.w, "   Status: done → {}", r.status)?;
        writeln!(out.w, "   Committed: \"{}\"", r.message)?;
        writeln!(out.w)?;
        writeln!(out.w, "📋 Next steps:")?;
        match (r.status, &r.worktree) {
            (Status::Todo, _) => {
                writeln!(
                    out.w,
                    "1. It is back in the queue; start it when its turn comes:"
                )?;
                writeln!(out.w, "   git ticket start {id}")?;
            }
            (_, _) if r.linked => {
                writeln!(out.w, "1. Go on working here; close it again when done:")?;
                writeln!(out.w, "   git ticket close")?;
            }
            (_, Some(w)) => match &r.elsewhere {
                Some(here) => {
                    writeln!(
                        out.w,
                        "1. Its worktree still has it done: merge the reopen there, then go on:"
                    )?;
                    writeln!(out.w, "   cd {} && git merge {here}", w.display())?;
                }
                None => {
                    writeln!(out.w, "1. Go on working in its worktree:")?;
                    writeln!(out.w, "   cd {}", w.display())?;
                }
            },
            (_, None) if r.branch => match &r.elsewhere {
                Some(here) => {
                    writeln!(
                        out.w,
                        "1. Its branch still has it done: merge the reopen there, then go on:"
                    )?;
                    writeln!(out.w, "   git checkout {id} && git merge {here}")?;
                }
                None => {
                    writeln!(out.w, "1. Go on working on its branch:")?;
                    writeln!(out.w, "   git checkout {id}")?;
                }
            },
            (_, None) => {
                writeln!(
                    out.w,
                    "1. Its worktree and branch are gone; make them again:"
                )?;
                writeln!(out.w, "   git ticket start {id} --force")?;
            }
        }
        writeln!(out.w, "2. Push the commit: git push")
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Json<'a> {
            commit_created: bool,
            message: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            parent_ticket: Option<&'a str>,
            path: String,
            previous_status: Status,
            status: Status,
            success: bool,
            ticket_id: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            worktree_path: Option<String>,
        }
        let r = &self.0;
        write_json(
            w,
            &Json {
                commit_created: true,
                message: &r.message,
                parent_ticket: r.meta.parent(),
                path: r.path.display().to_string(),
                previous_status: Status::Done,
                status: r.status,
                success: true,
                ticket_id: &r.id,
                worktree_path: r.worktree.as_ref().map(|p| p.display().to_string()),
            },
        )
    }
}
