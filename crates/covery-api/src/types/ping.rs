//! The answer of `ping`: the token's customer and access level.

use serde::{Deserialize, Serialize};

/// The answer of `POST /api/ping`: who the token belongs to and what it may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Ping {
    /// Your customer id at Covery.
    pub customer_id: u64,
    /// What the token used for the call is allowed to do.
    pub access: Access,
}

impl Ping {
    /// The token level implied by [`Ping::access`].
    pub fn level(&self) -> Option<TokenLevel> {
        self.access.level()
    }
}

/// The permissions of a token, as `ping` reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Access {
    /// May send events (`sendEvent`, `postback`).
    #[serde(default)]
    pub event: bool,
    /// May ask for decisions (`makeDecision`) and read fraud alerts.
    #[serde(default)]
    pub decision: bool,
    /// May administer (fraud-alert feedback).
    #[serde(default)]
    pub management: bool,
    /// Read-only administration.
    #[serde(default)]
    pub utility: bool,
}

impl Access {
    /// The documented level these permissions amount to, the most powerful first:
    /// `management`, then `utility`, then `decision` (which also allows events), then
    /// `event`. `None` when the token may do nothing.
    pub fn level(&self) -> Option<TokenLevel> {
        if self.management {
            Some(TokenLevel::Management)
        } else if self.utility {
            Some(TokenLevel::Utility)
        } else if self.decision {
            Some(TokenLevel::Decision)
        } else if self.event {
            Some(TokenLevel::Event)
        } else {
            None
        }
    }
}

/// The four documented levels of a Covery access token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenLevel {
    /// Events only.
    Event,
    /// Events and decisions.
    Decision,
    /// Read-only administration.
    Utility,
    /// Administration.
    Management,
}

impl TokenLevel {
    /// The level's name as Covery writes it (`event`, `decision`, `utility`, `management`).
    pub fn as_str(self) -> &'static str {
        match self {
            TokenLevel::Event => "event",
            TokenLevel::Decision => "decision",
            TokenLevel::Utility => "utility",
            TokenLevel::Management => "management",
        }
    }

    /// Whether the level may send events.
    pub fn allows_events(self) -> bool {
        matches!(self, TokenLevel::Event | TokenLevel::Decision)
    }

    /// Whether the level may ask for decisions.
    pub fn allows_decisions(self) -> bool {
        self == TokenLevel::Decision
    }
}

impl std::fmt::Display for TokenLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
