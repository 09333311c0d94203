//! Drawing the state into a frame: the list with its tabs and search, a ticket's detail, the
//! board, the worktrees, the help overlay, the dialogs and the status line. Columns are cut
//! by display width (`crate::text`), never inside a character; without colour (NO_COLOR,
//! `color.ui=false`, a dumb terminal) only bold and reverse video mark things.

use std::path::Path;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::adapters::{COLUMNS, Card};
use super::app::{
    App, BoardView, CloseDialog, Confirm, Detail, FORM_FIELDS, NewForm, Overlay, Screen,
    WorktreeView,
};
use super::data::Tab;
use super::keys::{Section, documented};
use crate::text::{pad, truncate};
use crate::ticket::Status;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &mut App) {
    let area = frame.area();
    let status_h = match &app.status {
        Some(s) if s.text.chars().count() + 2 > area.width as usize => 2,
        _ => 1,
    };
    let [body, status, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(status_h),
        Constraint::Length(1),
    ])
    .areas(area);
    let hint = match app.screens.last() {
        None => "? help • / search • enter open • n new • s start • c close • b board • q quit",
        Some(Screen::Detail(_)) => {
            "q back • s start • c close • e edit • j/k scroll • g/G top/bottom • ? help"
        }
        Some(Screen::Board(_)) => {
            "←/→ column • ↑/↓ ticket • enter open • s start • c close • C next • q back"
        }
        Some(Screen::Worktrees(_)) => "q back • r refresh • ↑/↓ move • ? help",
    };
    let mut screens = std::mem::take(&mut app.screens);
    match screens.last_mut() {
        None => list(frame, body, app),
        Some(Screen::Detail(d)) => detail(frame, body, app, d),
        Some(Screen::Board(b)) => board(frame, body, app, b),
        Some(Screen::Worktrees(w)) => worktrees(frame, body, app, w),
    }
    app.screens = screens;
    status_line(frame, status, app);
    let hint = match app.overlay {
        Overlay::New(_) => "tab next field • ctrl+s save • esc cancel",
        Overlay::Close(_) => "enter confirm • esc cancel",
        Overlay::Confirm(_) => "y yes • n no",
        _ => hint,
    };
    frame.render_widget(
        Paragraph::new(truncate(hint, footer.width as usize).into_owned()).style(dim(app)),
        footer,
    );
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help => help(frame, area, app),
        Overlay::Close(d) => close_dialog(frame, area, app, d),
        Overlay::New(f) => new_form(frame, body, app, f),
        Overlay::Confirm(c) => confirm(frame, area, c),
    }
}

fn fg(app: &App, c: Color) -> Style {
    if app.settings.color {
        Style::default().fg(c)
    } else {
        Style::default()
    }
}

fn dim(app: &App) -> Style {
    if app.settings.color {
        Style::default().add_modifier(Modifier::DIM)
    } else {
        Style::default()
    }
}

fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

fn selected() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

fn status_style(app: &App, s: Status) -> Style {
    match s {
        Status::Todo => Style::default(),
        Status::Doing => fg(app, Color::Yellow),
        Status::Done => fg(app, Color::Green),
    }
}

/// `s` cut to `cols` display columns and padded to exactly `cols`.
fn cell(s: &str, cols: usize) -> String {
    pad(&truncate(s, cols), cols)
}

fn status_line(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let Some(s) = &app.status else {
        return;
    };
    let (mark, style) = if s.error {
        ("✗ ", fg(app, Color::Red).add_modifier(Modifier::BOLD))
    } else {
        ("", fg(app, Color::Cyan))
    };
    let text = format!("{mark}{}", s.text.replace('\n', " "));
    // Two lines at most: the first cut at a character, the rest cut with `...`.
    let w = area.width as usize;
    let mut first = String::new();
    let mut used = 0;
    let mut rest = text.as_str();
    for (i, c) in text.char_indices() {
        let cw = crate::text::width(c.encode_utf8(&mut [0; 4]));
        if used + cw > w {
            rest = &text[i..];
            break;
        }
        used += cw;
        first.push(c);
        rest = &text[i + c.len_utf8()..];
    }
    let mut lines = vec![Line::raw(first)];
    if area.height > 1 && !rest.is_empty() {
        lines.push(Line::raw(truncate(rest, w).into_owned()));
    }
    frame.render_widget(Paragraph::new(lines).style(style), area);
}

fn tabs_line(app: &App) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for tab in Tab::ALL {
        let title = format!(" {} ", tab.title());
        spans.push(if tab == app.tab {
            Span::styled(title, selected().add_modifier(Modifier::BOLD))
        } else {
            Span::raw(title)
        });
        spans.push(Span::raw("    "));
    }
    Line::from(spans)
}

/// The list view.
fn list(frame: &mut Frame<'_>, area: Rect, app: &mut App) {
    let searching = app.search.is_some() || !app.query.is_empty();
    let [tabs, search, header, rule, rows, scroll] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if searching { 2 } else { 0 }),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(tabs_line(app)), tabs);
    if searching {
        let text = app.live_query();
        let cursor = if app.search.is_some() { "_" } else { "" };
        let line = format!(" 🔍 Search: {text}{cursor}");
        frame.render_widget(
            Paragraph::new(truncate(&line, search.width as usize).into_owned()),
            Rect {
                y: search.y + 1,
                height: 1,
                ..search
            },
        );
    }
    let w = area.width as usize;
    let id_w = (w * 30 / 100).clamp(20, 40);
    let desc_w = w.saturating_sub(2 + id_w + 1 + 7 + 1 + 3 + 1);
    let head = format!(
        "  {} {} {} Description",
        cell("ID", id_w),
        cell("Status", 7),
        cell("Pri", 3)
    );
    frame.render_widget(
        Paragraph::new(truncate(&head, w).into_owned()).style(bold()),
        header,
    );
    frame.render_widget(Paragraph::new("─".repeat(w)).style(dim(app)), rule);
    let page = rows.height as usize;
    app.page = page.max(1);
    let n = app.rows.len();
    if n == 0 {
        let what = if !app.live_query().is_empty() {
            format!("No tickets matching '{}'", app.live_query())
        } else {
            format!("No {}tickets found.", app.tab.noun())
        };
        let text = vec![
            Line::raw(""),
            Line::raw(format!("  {what}")),
            Line::raw(""),
            Line::styled("  Press 'n' to create a new ticket", dim(app)),
        ];
        frame.render_widget(Paragraph::new(text), rows);
        return;
    }
    // Keep the selection in view, moving the window as little as possible.
    if app.selected < app.offset {
        app.offset = app.selected;
    } else if app.selected >= app.offset + page {
        app.offset = app.selected + 1 - page;
    }
    app.offset = app.offset.min(n.saturating_sub(page));
    let end = (app.offset + page).min(n);
    let lines: Vec<Line<'static>> = (app.offset..end)
        .map(|r| {
            let t = &app.tickets.all[app.rows[r] as usize];
            let status = t.status();
            let warn = if status == Status::Done && t.meta.closure_reason.is_some() {
                "⚠ "
            } else {
                ""
            };
            let mark = match (r == app.selected, app.marks.contains(&t.id)) {
                (true, true) => ">*",
                (true, false) => "> ",
                (false, true) => " *",
                (false, false) => "  ",
            };
            let pri = format!("{:>3}", t.meta.priority());
            let line = Line::from(vec![
                Span::raw(mark),
                Span::raw(cell(&format!("{warn}{}", t.id), id_w)),
                Span::raw(" "),
                Span::styled(cell(status.as_str(), 7), status_style(app, status)),
                Span::raw(" "),
                Span::raw(cell(&pri, 3)),
                Span::raw(" "),
                Span::raw(truncate(&t.meta.description, desc_w).into_owned()),
            ]);
            if r == app.selected {
                line.style(selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
    let indicator = format!("{}-{} of {}", app.offset + 1, end, n);
    frame.render_widget(Paragraph::new(indicator).style(dim(app)), scroll);
}

fn meta_line(label: &str, value: impl Into<String>) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label}: "), bold()),
        Span::raw(value.into()),
    ])
}

/// A ticket's detail.
fn detail(frame: &mut Frame<'_>, area: Rect, app: &mut App, d: &Detail) {
    let t = &d.ticket;
    let m = &t.meta;
    let time = |x: &Option<crate::ticket::Timestamp>| x.as_ref().map(|t| t.to_rfc3339());
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Status: ", bold()),
            Span::styled(t.status().as_str(), status_style(app, t.status())),
        ]),
        meta_line("Priority", m.priority().to_string()),
    ];
    for (label, value) in [
        ("Created", time(&m.created_at)),
        ("Started", time(&m.started_at)),
        ("Closed", time(&m.closed_at)),
        ("Closure Reason", m.closure_reason.clone()),
        ("Related", m.related.as_ref().map(|r| r.join(", "))),
    ] {
        if let Some(v) = value {
            lines.push(meta_line(label, v));
        }
    }
    if !d.blocked_by.is_empty() {
        let waiting = if d.waits_on.is_empty() {
            " (all done)".to_owned()
        } else {
            format!(" (waiting on {})", d.waits_on.len())
        };
        lines.push(Line::from(vec![
            Span::styled("Blocked by: ", bold()),
            Span::styled(
                format!("{}{waiting}", d.blocked_by.join(", ")),
                if d.waits_on.is_empty() {
                    Style::default()
                } else {
                    fg(app, Color::Red)
                },
            ),
        ]));
    }
    if !d.blocks.is_empty() {
        lines.push(meta_line("Blocks", d.blocks.join(", ")));
    }
    if let Some(w) = &d.worktree {
        lines.push(meta_line(
            "Worktree",
            display_path(w, &app.settings.main_root),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Description:", bold()));
    lines.push(Line::raw(m.description.clone()));
    let inner_w = area.width.saturating_sub(4).max(1) as usize;
    let wrapped: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_w))
        .sum();
    let meta_h = (wrapped as u16 + 2).min(area.height / 2);
    let [title, meta, label, content, pos] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(meta_h),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(format!(" Ticket: {}", t.id)).style(bold()),
        title,
    );
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .border_type(BorderType::Rounded)
                .padding(ratatui::widgets::Padding::horizontal(1)),
        ),
        meta,
    );
    frame.render_widget(Paragraph::new("Content:").style(bold()), label);
    let page = content.height.saturating_sub(2) as usize;
    app.page = page.max(1);
    let n = d.lines.len();
    let first = d.scroll.min(n.saturating_sub(1));
    let end = (first + page).min(n);
    let body: Vec<Line<'static>> = d.lines[first..end]
        .iter()
        .map(|l| Line::raw(truncate(l, content.width.saturating_sub(4) as usize).into_owned()))
        .collect();
    frame.render_widget(
        Paragraph::new(body).block(
            Block::default()
                .borders(Borders::ALL)
                .padding(ratatui::widgets::Padding::horizontal(1)),
        ),
        content,
    );
    let where_ = if n == 0 {
        "No content".to_owned()
    } else {
        format!("Lines {}-{} of {n} (↑/↓ to scroll)", first + 1, end)
    };
    frame.render_widget(Paragraph::new(where_).style(dim(app)), pos);
}

/// `path` as people read it: relative to the main working tree where it is near it.
pub fn display_path(path: &Path, main_root: &Path) -> String {
    if path == main_root {
        return ".".into();
    }
    if let Ok(rel) = path.strip_prefix(main_root) {
        return rel.display().to_string();
    }
    if let Some(parent) = main_root.parent()
        && let Ok(rel) = path.strip_prefix(parent)
    {
        return format!("../{}", rel.display());
    }
    path.display().to_string()
}

/// A ticket ID without its time stamp (`YYMMDD-HHMMSS-`), where it has one: what a narrow
/// column has room for.
fn slug(id: &str) -> &str {
    let b = id.as_bytes();
    let stamped = b.len() > 14
        && b[6] == b'-'
        && b[13] == b'-'
        && b[..13]
            .iter()
            .enumerate()
            .all(|(i, c)| i == 6 || c.is_ascii_digit());
    if stamped { &id[14..] } else { id }
}

fn card_lines(app: &App, c: &Card, w: usize, column: usize) -> Vec<Line<'static>> {
    let mut out = vec![Line::raw(
        truncate(&format!("P{} {}", c.priority, slug(&c.id)), w).into_owned(),
    )];
    if !c.description.is_empty() {
        out.push(Line::styled(
            truncate(&format!("  {}", c.description), w).into_owned(),
            dim(app),
        ));
    }
    if column == 1 && !c.waits_on.is_empty() {
        out.push(Line::styled(
            truncate(
                &format!(
                    "  waits on {}",
                    c.waits_on
                        .iter()
                        .map(|x| slug(x))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                w,
            )
            .into_owned(),
            fg(app, Color::Red),
        ));
    }
    if let Some(p) = &c.place {
        let mut s = match &p.worktree {
            Some(wt) => format!("  ⎇ {}", display_path(wt, &app.settings.main_root)),
            None => format!("  ⎇ branch {}", p.branch),
        };
        if let Some((ahead, behind)) = p.ahead_behind {
            s.push_str(&format!(" ↑{ahead} ↓{behind}"));
        }
        match p.dirty {
            Some(true) => s.push_str(" dirty"),
            Some(false) => s.push_str(" clean"),
            None => {}
        }
        out.push(Line::styled(
            truncate(&s, w).into_owned(),
            fg(app, Color::Yellow),
        ));
    }
    out
}

/// The board: four columns.
fn board(frame: &mut Frame<'_>, area: Rect, app: &mut App, b: &BoardView) {
    let [title, cols] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(" Board — tickets at a glance").style(bold()),
        title,
    );
    let areas = Layout::horizontal([Constraint::Ratio(1, 4); 4]).split(cols);
    for (i, col_area) in areas.iter().enumerate() {
        let cards = &b.board.columns[i];
        let active = i == b.column;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(if active {
                BorderType::Thick
            } else {
                BorderType::Plain
            })
            .title(format!(" {} ({}) ", COLUMNS[i], cards.len()));
        let inner_w = col_area.width.saturating_sub(2) as usize;
        let height = col_area.height.saturating_sub(2) as usize;
        if active {
            app.page = (height / 3).max(1);
        }
        let mut lines: Vec<Line<'static>> = Vec::new();
        let mut sel_start = 0;
        let mut sel_end = 0;
        for (r, c) in cards.iter().enumerate() {
            let mut cl = card_lines(app, c, inner_w, i);
            if active && r == b.rows[i] {
                sel_start = lines.len();
                cl = cl.into_iter().map(|l| l.style(selected())).collect();
                sel_end = lines.len() + cl.len();
            }
            lines.extend(cl);
        }
        if cards.is_empty() {
            lines.push(Line::styled("(none)", dim(app)));
        }
        let skip = sel_end.saturating_sub(height).min(sel_start);
        let shown: Vec<Line<'static>> = lines.into_iter().skip(skip).take(height).collect();
        frame.render_widget(Paragraph::new(shown).block(block), *col_area);
    }
}

/// The worktree view.
fn worktrees(frame: &mut Frame<'_>, area: Rect, app: &mut App, w: &WorktreeView) {
    let [title, header, rule, rows, details] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(6),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(" Git Worktrees").style(bold()), title);
    if !app.settings.worktrees {
        let text = vec![
            Line::raw(""),
            Line::raw("  Worktrees are not enabled"),
            Line::raw(""),
            Line::styled(
                "  Set worktree.enabled: true in .ticketflow.yaml to give each started ticket a worktree",
                dim(app),
            ),
        ];
        frame.render_widget(
            Paragraph::new(text),
            Rect {
                height: 6,
                ..header
            },
        );
        return;
    }
    let width = area.width as usize;
    frame.render_widget(
        Paragraph::new(format!("{} Path", cell("Branch", 30))).style(bold()),
        header,
    );
    frame.render_widget(Paragraph::new("─".repeat(width)).style(dim(app)), rule);
    app.page = (rows.height as usize).max(1);
    let skip = w
        .selected
        .saturating_sub(rows.height.saturating_sub(1) as usize);
    let lines: Vec<Line<'static>> = w
        .items
        .iter()
        .enumerate()
        .skip(skip)
        .take(rows.height as usize)
        .map(|(i, wt)| {
            let branch = wt.branch.clone().unwrap_or_else(|| "(detached)".into());
            let is_default = wt.branch.as_deref() == Some(app.settings.default_branch.as_str());
            let mut line = Line::from(vec![
                Span::styled(
                    cell(&branch, 30),
                    if is_default {
                        fg(app, Color::Green).add_modifier(Modifier::BOLD)
                    } else {
                        Style::default()
                    },
                ),
                Span::raw(" "),
                Span::raw(
                    truncate(
                        &display_path(&wt.path, &app.settings.main_root),
                        width.saturating_sub(31),
                    )
                    .into_owned(),
                ),
            ]);
            if i == w.selected {
                line = line.style(selected());
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
    if let Some(wt) = w.items.get(w.selected) {
        let head = w
            .heads
            .get(w.selected)
            .and_then(Option::as_deref)
            .map_or("-", |h| &h[..h.len().min(8)]);
        let mut text = vec![
            meta_line("Path", display_path(&wt.path, &app.settings.main_root)),
            meta_line(
                "Branch",
                wt.branch.clone().unwrap_or_else(|| "(detached)".into()),
            ),
            meta_line("HEAD", head.to_owned()),
        ];
        if let Some(t) = wt.branch.as_deref().and_then(|b| app.tickets.find(b)) {
            text.push(meta_line("Ticket", t.meta.description.clone()));
        }
        frame.render_widget(
            Paragraph::new(text).block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_type(BorderType::Rounded)
                    .padding(ratatui::widgets::Padding::horizontal(1)),
            ),
            details,
        );
    }
}

/// A rectangle of `w`×`h` in the middle of `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn help(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let w = if area.width > 90 {
        area.width - 4
    } else {
        area.width
    };
    let box_area = centered(area, w.min(120), area.height);
    frame.render_widget(Clear, box_area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .title(" Help — ? or esc to close ");
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let halves = Layout::horizontal([Constraint::Ratio(1, 2); 2]).split(inner);
    let groups: [&[Section]; 2] = [
        &[Section::Navigation, Section::Actions],
        &[Section::ViewControls, Section::General, Section::Typing],
    ];
    for (half, sections) in halves.iter().zip(groups) {
        let w = half.width.saturating_sub(1) as usize;
        let mut lines = Vec::new();
        for s in sections {
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(
                s.title().to_owned(),
                bold().add_modifier(Modifier::UNDERLINED),
            ));
            for b in documented().filter(|b| b.section == *s) {
                let text = format!(" {} {}", cell(b.label, 13), b.help);
                lines.push(Line::from(vec![Span::styled(
                    truncate(&text, w).into_owned(),
                    if b.action.is_some() {
                        Style::default()
                    } else {
                        dim(app)
                    },
                )]));
            }
        }
        frame.render_widget(Paragraph::new(lines), *half);
    }
}

/// Why a dialog refused its input, if it did.
fn refusal(frame: &mut Frame<'_>, area: Rect, app: &App, error: Option<&str>) {
    if let Some(e) = error {
        frame.render_widget(
            Paragraph::new(e.to_owned()).style(fg(app, Color::Red).add_modifier(Modifier::BOLD)),
            area,
        );
    }
}

fn dialog_block(title: String) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .title(title)
}

fn close_dialog(frame: &mut Frame<'_>, area: Rect, app: &App, d: &CloseDialog) {
    let box_area = centered(area, 72, 8);
    frame.render_widget(Clear, box_area);
    let title = if d.required {
        " Close Ticket (Reason Required) "
    } else {
        " Close Ticket "
    };
    let block = dialog_block(title.into());
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let [ticket, input, error, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(truncate(&format!("Ticket: {}", d.id), inner.width as usize).into_owned()),
        ticket,
    );
    let mut field = d.input.clone();
    field.set_block(Block::default().borders(Borders::ALL).title(" Reason "));
    frame.render_widget(&field, input);
    refusal(frame, error, app, d.error.as_deref());
    frame.render_widget(
        Paragraph::new("enter close • esc cancel").style(dim(app)),
        hint,
    );
}

fn new_form(frame: &mut Frame<'_>, area: Rect, app: &App, f: &NewForm) {
    frame.render_widget(Clear, area);
    let [title, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(" New Ticket").style(bold()), title);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let [slug, prio, desc, content, error] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(4),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(inner);
    for (i, rect) in [slug, prio, desc, content].into_iter().enumerate() {
        let mut field = f.fields[i].clone();
        let focused = i == f.focus;
        let label = format!(" {} ", FORM_FIELDS[i]);
        let border = if focused {
            fg(app, Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::default()
        };
        field.set_block(
            Block::default()
                .borders(Borders::ALL)
                .border_type(if focused {
                    BorderType::Thick
                } else {
                    BorderType::Plain
                })
                .border_style(border)
                .title(label),
        );
        if !focused {
            field.set_cursor_style(Style::default());
        }
        let rect = if i < 2 {
            Rect {
                width: rect.width.min(56),
                ..rect
            }
        } else {
            rect
        };
        frame.render_widget(&field, rect);
    }
    refusal(frame, error, app, f.error.as_deref());
}

fn confirm(frame: &mut Frame<'_>, area: Rect, c: &Confirm) {
    let h = (c.lines.len() as u16 + 4).min(area.height);
    let box_area = centered(area, 76, h);
    frame.render_widget(Clear, box_area);
    let block = dialog_block(" Confirm ".into());
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let w = inner.width as usize;
    let mut lines: Vec<Line<'static>> = c
        .lines
        .iter()
        .map(|l| Line::raw(truncate(l, w).into_owned()))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(truncate(&c.question, w).into_owned(), bold()));
    frame.render_widget(Paragraph::new(lines), inner);
}
