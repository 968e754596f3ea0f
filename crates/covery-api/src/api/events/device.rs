//! The optional device data every event accepts.

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// Optional data about the user's device, accepted by every event. Build it with
/// `DeviceData::default()` and the `with_*` setters.
///
/// On the wire its fields sit beside the event's own (Covery's events are flat objects).
/// It holds no amount, and must not: an event reads these fields through serde's
/// `flatten` buffer, which keeps numbers only as `f64` (the event's own fields, amounts
/// included, are read directly and keep every digit).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DeviceData {
    /// Whether AJAX validation ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ajax_validation: Option<bool>,
    /// Whether cookies are enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cookie_enabled: Option<bool>,
    /// The CPU class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_class: Option<String>,
    /// The device fingerprint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_fingerprint: Option<String>,
    /// The mobile device's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    /// Whether Do-Not-Track is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub do_not_track: Option<bool>,
    /// The user's IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// The browser language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The user's preferred languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<String>,
    /// The operating system language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_browser: Option<String>,
    /// The user's locale language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_user: Option<String>,
    /// The default operating system language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_system: Option<String>,
    /// The operating system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    /// The real IP address (behind proxies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_ip: Option<String>,
    /// The screen resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen_resolution: Option<String>,
    /// The screen orientation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen_orientation: Option<String>,
    /// The time-zone offset in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone_offset: Option<i32>,
    /// The user agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
}

impl DeviceData {
    /// Sets `ajax_validation`: whether AJAX validation ran.
    pub fn with_ajax_validation(mut self, value: bool) -> Self {
        self.ajax_validation = Some(value);
        self
    }

    /// Sets `cookie_enabled`: whether cookies are enabled.
    pub fn with_cookie_enabled(mut self, value: bool) -> Self {
        self.cookie_enabled = Some(value);
        self
    }

    /// Sets `cpu_class`: the CPU class.
    pub fn with_cpu_class(mut self, value: impl Into<String>) -> Self {
        self.cpu_class = Some(value.into());
        self
    }

    /// Sets `device_fingerprint`: the device fingerprint.
    pub fn with_device_fingerprint(mut self, value: impl Into<String>) -> Self {
        self.device_fingerprint = Some(value.into());
        self
    }

    /// Sets `device_id`: the mobile device's id.
    pub fn with_device_id(mut self, value: impl Into<String>) -> Self {
        self.device_id = Some(value.into());
        self
    }

    /// Sets `do_not_track`: whether Do-Not-Track is set.
    pub fn with_do_not_track(mut self, value: bool) -> Self {
        self.do_not_track = Some(value);
        self
    }

    /// Sets `ip`: the user's IP address.
    pub fn with_ip(mut self, value: impl Into<String>) -> Self {
        self.ip = Some(value.into());
        self
    }

    /// Sets `language`: the browser language.
    pub fn with_language(mut self, value: impl Into<String>) -> Self {
        self.language = Some(value.into());
        self
    }

    /// Sets `languages`: the user's preferred languages.
    pub fn with_languages(mut self, value: impl Into<String>) -> Self {
        self.languages = Some(value.into());
        self
    }

    /// Sets `language_browser`: the operating system language.
    pub fn with_language_browser(mut self, value: impl Into<String>) -> Self {
        self.language_browser = Some(value.into());
        self
    }

    /// Sets `language_user`: the user's locale language.
    pub fn with_language_user(mut self, value: impl Into<String>) -> Self {
        self.language_user = Some(value.into());
        self
    }

    /// Sets `language_system`: the default operating system language.
    pub fn with_language_system(mut self, value: impl Into<String>) -> Self {
        self.language_system = Some(value.into());
        self
    }

    /// Sets `os`: the operating system.
    pub fn with_os(mut self, value: impl Into<String>) -> Self {
        self.os = Some(value.into());
        self
    }

    /// Sets `real_ip`: the real IP address (behind proxies).
    pub fn with_real_ip(mut self, value: impl Into<String>) -> Self {
        self.real_ip = Some(value.into());
        self
    }

    /// Sets `screen_resolution`: the screen resolution.
    pub fn with_screen_resolution(mut self, value: impl Into<String>) -> Self {
        self.screen_resolution = Some(value.into());
        self
    }

    /// Sets `screen_orientation`: the screen orientation.
    pub fn with_screen_orientation(mut self, value: impl Into<String>) -> Self {
        self.screen_orientation = Some(value.into());
        self
    }

    /// Sets `timezone_offset`: the time-zone offset in minutes.
    pub fn with_timezone_offset(mut self, value: i32) -> Self {
        self.timezone_offset = Some(value);
        self
    }

    /// Sets `user_agent`: the user agent.
    pub fn with_user_agent(mut self, value: impl Into<String>) -> Self {
        self.user_agent = Some(value.into());
        self
    }

    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        *self == DeviceData::default()
    }
}

/// Reads the device data of an event: every key the event itself did not take, so a key
/// that is neither an event field nor a device field (a typo) is refused. Used as the
/// `deserialize_with` of each event's flattened `device`; serde's own flatten would ignore
/// such keys.
pub(super) fn read_device_data<'de, D: Deserializer<'de>>(d: D) -> Result<DeviceData, D::Error> {
    struct Rest;

    impl<'de> Visitor<'de> for Rest {
        type Value = DeviceData;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("the event's remaining fields")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DeviceData, A::Error> {
            DeviceData::deserialize(MapAccessDeserializer::new(map)).map_err(|e| {
                let text = e.to_string();
                match text.strip_prefix("unknown field ") {
                    // serde lists only the device fields as expected: say what is meant.
                    Some(rest) => de::Error::custom(format_args!(
                        "unknown field {}: neither a field of this event nor device data",
                        rest.split(',').next().unwrap_or(rest)
                    )),
                    None => e,
                }
            })
        }
    }

    d.deserialize_map(Rest)
}
