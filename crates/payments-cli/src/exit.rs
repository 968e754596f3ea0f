//! Exit codes and the one-line error the CLI prints.

use std::fmt;
use std::process::ExitCode;

use payments_core::Error;

/// The documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    /// 0: success.
    Ok = 0,
    /// 1: the provider answered with an error, or a callback failed verification.
    Provider = 1,
    /// 2: invalid input or usage; nothing was sent.
    Usage = 2,
    /// 3: transport failure or timeout.
    Transport = 3,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e as u8)
    }
}

/// An error with its exit code; Display is the one line printed on stderr.
#[derive(Debug)]
pub(crate) struct CliError {
    pub(crate) exit: Exit,
    message: String,
}

impl CliError {
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        CliError {
            exit: Exit::Usage,
            message: message.into(),
        }
    }

    pub(crate) fn provider(message: impl Into<String>) -> Self {
        CliError {
            exit: Exit::Provider,
            message: message.into(),
        }
    }

    pub(crate) fn transport(message: impl Into<String>) -> Self {
        CliError {
            exit: Exit::Transport,
            message: message.into(),
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One line, whatever the message holds.
        let mut first = true;
        for line in self.message.lines() {
            if !first {
                f.write_str(" ")?;
            }
            f.write_str(line.trim())?;
            first = false;
        }
        Ok(())
    }
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        let exit = match &e {
            Error::Api(_) | Error::Decode { .. } | Error::BodyTooLarge { .. } => Exit::Provider,
            Error::Transport { .. } | Error::Timeout { .. } => Exit::Transport,
            _ => Exit::Usage,
        };
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            let text = s.to_string();
            if !message.contains(&text) {
                message.push_str(": ");
                message.push_str(&text);
            }
            source = s.source();
        }
        CliError { exit, message }
    }
}
