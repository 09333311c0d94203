//! JSON views of tickets shared by several commands (TicketFlow's shapes: alphabetical keys,
//! `null` for unset times and an absent `related`).

use serde_json::{Value, json};

use crate::ticket::{Ticket, Timestamp};

fn time(t: &Option<Timestamp>) -> Value {
    t.map_or(Value::Null, |t| Value::String(t.to_rfc3339()))
}

/// The fields every ticket view has.
pub fn ticket_json(t: &Ticket) -> serde_json::Map<String, Value> {
    let m = &t.meta;
    let v = json!({
        "closed_at": time(&m.closed_at),
        "created_at": time(&m.created_at),
        "description": m.description,
        "id": t.id,
        "path": t.path.display().to_string(),
        "priority": m.priority,
        "related": m.related,
        "started_at": time(&m.started_at),
        "status": m.status(),
    });
    match v {
        Value::Object(map) => map,
        _ => unreachable!("json! of an object literal is an object"),
    }
}
