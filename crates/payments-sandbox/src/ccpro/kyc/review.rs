//! Reviews: a step approved or rejected on the clock or through the control route.

use serde_json::Value;

use super::*;
// ---------------------------------------------------------------------------------------
// Reviews.
// ---------------------------------------------------------------------------------------

/// How a review ends.
pub(super) enum Decision {
    Approve,
    /// Rejected for `code` with `message`, naming `fields` (personal data, address).
    Reject {
        code: String,
        message: String,
        fields: Vec<String>,
    },
}

/// Decides the items of `step` of `user`: approves pending ones (those due by `due_by`, when
/// given), or rejects pending or approved ones (a back office may revoke an approval; the
/// level reached stays). Answers whether any was decided; notifies the user once per step.
pub(super) fn decide(
    state: &mut CcproState,
    user: &str,
    step: Step,
    decision: &Decision,
    document: Option<&str>,
    due_by: Option<u64>,
    now: u64,
) -> bool {
    let Some(kyc) = state.kyc.get_mut(user) else {
        return false;
    };
    let due = |r: &Review| match decision {
        Decision::Approve => r.pending() && due_by.is_none_or(|t| r.due_at <= t),
        Decision::Reject { .. } => r.pending() || r.done(),
    };
    let approved = if step == Step::Video {
        APPROVED
    } else {
        ACCEPTED
    };
    let apply = |review: &mut Review, fields: &[&str]| {
        review.email_sent = true;
        match decision {
            Decision::Approve => {
                review.status = Some(approved);
                review.rejected.clear();
            }
            Decision::Reject {
                code,
                message,
                fields: named,
            } => {
                review.status = Some(NOT_COMPLETED);
                let names: Vec<String> = if named.is_empty() {
                    fields.iter().map(|f| (*f).to_owned()).collect()
                } else {
                    named.clone()
                };
                review.rejected = if names.is_empty() {
                    vec![Rejection {
                        field: String::new(),
                        code: code.clone(),
                        message: message.clone(),
                    }]
                } else {
                    names
                        .into_iter()
                        .map(|field| Rejection {
                            field,
                            code: code.clone(),
                            message: message.clone(),
                        })
                        .collect()
                };
            }
        }
    };
    let mut any = false;
    match step {
        Step::Documents => {
            for (slot, doc) in DOCUMENTS.iter().zip(kyc.documents.iter_mut()) {
                if document.is_none_or(|d| d == *slot) && due(&doc.review) {
                    apply(&mut doc.review, &[]);
                    any = true;
                }
            }
        }
        _ => {
            let review = match step {
                Step::Personal => &mut kyc.personal,
                Step::Address => &mut kyc.address,
                Step::Video => &mut kyc.video,
                _ => &mut kyc.edd,
            };
            if due(review) {
                apply(review, step.fields());
                any = true;
            }
        }
    }
    if !any {
        return false;
    }
    kyc.refresh();
    let (code, title, message) = match decision {
        Decision::Approve => (
            "kyc_approved",
            "KYC Approved",
            format!("Your KYC {} has been approved", step.title()),
        ),
        Decision::Reject { message, .. } => (
            "kyc_rejected",
            "KYC Rejected",
            format!("Your KYC {} has been rejected: {message}", step.title()),
        ),
    };
    state.notify(user, code, "kyc", title, &message, None, now);
    true
}

/// Approves every pending review whose time has come.
pub(super) fn review_due(state: &mut CcproState, now: u64) {
    let users: Vec<String> = state
        .kyc
        .iter()
        .filter(|(_, k)| {
            k.personal.pending()
                || k.address.pending()
                || k.documents.iter().any(|d| d.review.pending())
                || k.video.pending()
                || k.edd.pending()
        })
        .map(|(u, _)| u.clone())
        .collect();
    for user in users {
        for step in STEPS {
            if step != Step::Phone {
                decide(state, &user, step, &Decision::Approve, None, Some(now), now);
            }
        }
    }
}

/// Applies what the clock made due: pending reviews approved after
/// `review_delay_seconds`.
pub(crate) fn tick(state: &mut CcproState, now: u64) {
    review_due(state, now);
}

/// `POST /_sandbox/ccpro/users/{id}/kyc` `{"step": "personal|address|documents|video|edd|all",
/// "decision": "approve|reject", "reason"?, "code"?, "fields"?, "document"?}`: reviews the
/// user's pending step(s) at once; answers the KYC object (#20's shape).
pub(crate) fn control_review(
    state: &mut CcproState,
    id: &str,
    input: &Input,
    now: u64,
) -> Result<Value, control::ControlError> {
    use control::ControlError::{Bad, NotFound};
    let Some(user) = state
        .users
        .iter()
        .find(|u| u.id == id || u.email.eq_ignore_ascii_case(id))
        .map(|u| u.id.clone())
    else {
        return Err(NotFound(format!("no CCPro user {id}")));
    };
    let names = ["personal", "address", "documents", "video", "edd", "all"];
    let step = input
        .filled("step")
        .ok_or_else(|| Bad(format!("step: required, one of {}", names.join(", "))))?;
    let steps: Vec<Step> = match step {
        "all" => STEPS
            .iter()
            .copied()
            .filter(|s| *s != Step::Phone)
            .collect(),
        name => vec![
            STEPS
                .iter()
                .copied()
                .find(|s| *s != Step::Phone && s.control_name() == name)
                .ok_or_else(|| Bad(format!("step: {name} is not one of {}", names.join(", "))))?,
        ],
    };
    let decision = match input.filled("decision") {
        Some("approve") => Decision::Approve,
        Some("reject") => {
            let code = input.filled("code").unwrap_or("incorrect_data");
            let known = REJECT_CODES
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, m)| *m);
            let message = match (input.filled("reason"), known) {
                (Some(reason), _) => reason.to_owned(),
                (None, Some(m)) => m.to_owned(),
                (None, None) => {
                    return Err(Bad(format!(
                        "reason: required with the code {code}, which has no documented message"
                    )));
                }
            };
            let fields = match input.filled("fields") {
                None => Vec::new(),
                Some(text) => serde_json::from_str::<Vec<String>>(text).map_err(|_| {
                    Bad("fields: must be an array of field names, like [\"street\"]".to_owned())
                })?,
            };
            Decision::Reject {
                code: code.to_owned(),
                message,
                fields,
            }
        }
        _ => return Err(Bad("decision: required, approve or reject".to_owned())),
    };
    let document = input.filled("document");
    if let Some(d) = document
        && !DOCUMENTS.contains(&d)
    {
        return Err(Bad(format!(
            "document: {d} is not one of {}",
            DOCUMENTS.join(", ")
        )));
    }
    let mut any = false;
    for s in &steps {
        any |= decide(state, &user, *s, &decision, document, None, now);
    }
    if !any {
        return Err(Bad(format!(
            "nothing of {step} is submitted for this user to decide (approve takes pending items, reject pending or approved ones)"
        )));
    }
    Ok(json(state, &user))
}
