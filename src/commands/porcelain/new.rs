//! `git ticket new <slug>`: creates `tickets/todo/<YYMMDD-HHMMSS-slug>.md` from the template.
//!
//! The parent (`--parent`, or the current branch when it is exactly a ticket ID) is stored as
//! the resolved full ID. Creation is exclusive: an existing ID is an error, never overwritten.

use std::io::{self, Write};
use std::path::PathBuf;

use serde_json::json;

use crate::context::Ctx;
use crate::error::Error;
use crate::output::{FormatArg, Out, Outcome, Style, write_json};
use crate::registry::{Command, Group, Profile};
use crate::ticket::format::render_new;
use crate::ticket::id::{is_valid_slug, new_id};
use crate::ticket::store::load;
use crate::ticket::{Status, Timestamp};

/// Create a new ticket in tickets/todo.
///
/// The ID is the local creation time plus the slug (YYMMDD-HHMMSS-slug). On a ticket branch
/// the new ticket becomes a sub-ticket of that branch's ticket, unless --parent says
/// otherwise. Nothing is staged or committed.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Short name: lowercase letters, digits and hyphens (e.g. fix-login-timeout)
    #[arg(value_name = "SLUG", allow_hyphen_values = true)]
    slug: String,
    /// Parent ticket: an ID, ID prefix, slug or words of a slug
    #[arg(short, long, value_name = "TICKET")]
    parent: Option<String>,
    #[command(flatten)]
    format: FormatArg,
}

/// The `new` command.
pub struct New;

impl Command for New {
    const NAME: &'static str = "new";
    const SUMMARY: &'static str = "Create a new ticket";
    const GROUP: Group = Group::Porcelain;
    const PROFILE: Profile = Profile::SINGLE;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        if !is_valid_slug(&args.slug) {
            return Err(Error::InvalidSlug(args.slug));
        }
        let env = ctx.env;
        let project = ctx.project()?;
        let _lock = super::flow::lock(env, project, &format!("new {}", args.slug))?;
        let now = Timestamp::now_local();
        let id = new_id(&now, &args.slug);
        let (parent, implicit) = match &args.parent {
            Some(p) if p.is_empty() => (None, false),
            Some(p) => {
                if *p == args.slug || *p == id {
                    return Err(Error::SelfParent(p.clone()));
                }
                let entry = project.store.resolve(p).map_err(Error::Parent)?;
                (Some(entry), false)
            }
            None => {
                let branch = crate::git::current_branch(project.repo()?)
                    .filter(|b| *b != project.config.git.default_branch);
                (branch.and_then(|b| project.store.find_exact(&b)), true)
            }
        };
        let parent_done = parent
            .as_ref()
            .is_some_and(|p| load(p, false).is_ok_and(|t| t.status() == Status::Done));
        let parent_id = parent.map(|p| p.id);
        let contents = render_new(&now, parent_id.as_deref(), &project.config.tickets.template);
        let path = project.store.create(&id, &contents)?;
        Ok(Box::new(Created {
            id,
            path,
            parent: parent_id,
            implicit,
            parent_done,
        }))
    }
}

struct Created {
    id: String,
    path: PathBuf,
    parent: Option<String>,
    implicit: bool,
    parent_done: bool,
}

impl Outcome for Created {
    fn text(&self, out: &mut Out<'_>) -> io::Result<()> {
        let path = self.path.display();
        if let Some(p) = &self.parent {
            if self.parent_done {
                writeln!(out.w, "⚠️  Warning: Parent ticket '{p}' is already done")?;
            }
            if self.implicit {
                writeln!(out.w, "Creating ticket in branch: {p}")?;
            } else {
                writeln!(out.w, "Creating sub-ticket with parent: {p}")?;
            }
        }
        writeln!(out.w)?;
        out.styled(Style::Bold, &format!("🎫 Created new ticket: {}", self.id))?;
        writeln!(out.w)?;
        writeln!(out.w, "   File: {path}")?;
        if let Some(p) = &self.parent {
            writeln!(out.w, "   Parent ticket: {p}")?;
            writeln!(out.w, "   Type: Sub-ticket")?;
        }
        writeln!(out.w)?;
        writeln!(out.w, "📋 Next steps:")?;
        writeln!(out.w, "1. Edit the ticket file to add details:")?;
        writeln!(out.w, "   $EDITOR {path}")?;
        writeln!(out.w, "   ")?;
        writeln!(out.w, "2. Commit the ticket file:")?;
        writeln!(out.w, "   git add {path}")?;
        writeln!(out.w, "   git commit -m \"Add ticket: {}\"", self.id)?;
        writeln!(out.w, "   ")?;
        writeln!(out.w, "3. Start working on the ticket:")?;
        writeln!(out.w, "   git ticket start {}", self.id)
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        let mut v = json!({
            "ticket": { "id": self.id, "path": self.path.display().to_string() },
        });
        if let Some(p) = &self.parent {
            v["parent_ticket"] = json!(p);
        }
        write_json(w, &v)
    }
}
