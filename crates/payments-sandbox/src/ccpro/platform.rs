//! The platform (the integrator, who signs platform JWTs): its record (platform-show, kept
//! and changed by platform-update), its staff, the users it registered, and the log of the
//! calls CCPro made to its IEN endpoint.
//!
//! The sandbox has one platform, whose id is `ccpro_platform_id` of the credentials (the
//! pipeline answers 404 for any other). Its record starts as [`Platform::default`]: the
//! sandbox's own name and URLs and the docs' payment-method limits; its `levels` are the KYC
//! area's [`LEVELS`] (the rules KYC applies), its currencies the market's (`state.market`).

use serde_json::{Map, Value, json};

use super::kyc::LEVELS;
use super::market::{Kind, Market, PriceOp};
use super::*;

/// Where the platform's hosted pages (partner login, widget) live in the sandbox.
pub(crate) const HOSTED_PAGES: &str = "https://checkout.sandbox.test";

/// A payment method of the platform (`paymentMethods.bank[]`, `paymentMethods.card[]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PaymentMethod {
    pub(crate) status: bool,
    pub(crate) name: String,
    /// The largest first order, in the reference fiat.
    pub(crate) first_max_order_value: u64,
    /// The smallest and largest order, when switched on.
    pub(crate) lower: Option<u64>,
    pub(crate) upper: Option<u64>,
}

/// A staff member of the platform (platform-staff).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Staff {
    pub(crate) id: String,
    pub(crate) user_id: String,
    pub(crate) email: String,
    pub(crate) first_name: String,
    pub(crate) last_name: String,
    pub(crate) is_active: bool,
    pub(crate) role: String,
}

/// The platform's record.
#[derive(Debug, Clone)]
pub(crate) struct Platform {
    pub(crate) name: String,
    /// The platform's code (`externalPlatform.code`); platform-update cannot change it.
    pub(crate) code: String,
    pub(crate) base_url: String,
    /// The IEN endpoint and its scheme (`jwt` or `hmac`).
    pub(crate) ien_url: String,
    pub(crate) ien_type: String,
    pub(crate) color_code: String,
    /// The reference fiat of `levels[].max` and the payment limits.
    pub(crate) reference_fiat: String,
    pub(crate) banks: Vec<PaymentMethod>,
    pub(crate) cards: Vec<PaymentMethod>,
    pub(crate) staff: Vec<Staff>,
}

impl Default for Platform {
    fn default() -> Self {
        let method = |name: &str| PaymentMethod {
            status: true,
            name: name.to_owned(),
            first_max_order_value: 1000,
            lower: Some(50),
            upper: None,
        };
        Platform {
            name: "Sandbox Platform".to_owned(),
            code: "SANDBOX".to_owned(),
            base_url: "https://platform.sandbox.test".to_owned(),
            ien_url: IEN_URL.to_owned(),
            ien_type: "jwt".to_owned(),
            color_code: "#333246".to_owned(),
            reference_fiat: "EUR".to_owned(),
            banks: vec![method("EUR")],
            cards: vec![method("MobilPay")],
            staff: vec![Staff {
                id: "5a0c1f3e-2b7d-4c59-9e61-0d8f4a2b7c10".to_owned(),
                user_id: "7d3e9b12-6f4a-4e8c-b1d5-2c9a0f6e8b34".to_owned(),
                email: "admin@platform.sandbox.test".to_owned(),
                first_name: "Sandbox".to_owned(),
                last_name: "Admin".to_owned(),
                is_active: true,
                role: "superadmin".to_owned(),
            }],
        }
    }
}

impl Platform {
    /// The platform as platform-show and platform-update answer it (`id` is the platform's
    /// UUID; the currencies are the market's).
    pub(crate) fn json(&self, id: &str, market: &Market) -> Value {
        let code = self.code.to_ascii_lowercase();
        json!({
            "id": id,
            "name": self.name,
            "code": self.code,
            "baseUrl": self.base_url,
            "ien": { "url": self.ien_url, "type": self.ien_type },
            "integrations": {
                "api": { "status": true },
                "partner": { "status": true, "url": format!("{HOSTED_PAGES}/login/{code}") },
                "checkout": { "status": true },
                "widget": { "status": true, "url": format!("{HOSTED_PAGES}/order/{code}") },
            },
            "colorCode": self.color_code,
            "reference": { "fiat": self.reference_fiat, "periodType": "MONTHS", "periodValue": "1" },
            "levels": LEVELS.iter().map(|l| json!({
                "level": l.level.to_string(),
                "name": l.name,
                "required": l.required,
                "max": { "buy": l.max, "sell": l.max },
            })).collect::<Vec<_>>(),
            "paymentMethods": {
                "bank": self.banks.iter().map(method_json).collect::<Vec<_>>(),
                "card": self.cards.iter().map(method_json).collect::<Vec<_>>(),
            },
            "currencies": currencies_json(market),
            "createdAt": null,
        })
    }

    /// The `externalPlatform` object other resources embed: `{code, name, url}`.
    pub(crate) fn external_json(&self) -> Value {
        json!({ "code": self.code, "name": self.name, "url": self.base_url })
    }
}

fn method_json(m: &PaymentMethod) -> Value {
    json!({
        "status": m.status,
        "name": m.name,
        "limits": {
            "firstMaxOrderValue": m.first_max_order_value,
            "lower": { "status": m.lower.is_some(), "value": m.lower },
            "upper": { "status": m.upper.is_some(), "value": m.upper },
        },
    })
}

/// One operation of the S-OPERATIONS form: `{"<name>": {status, limits, secondOperations}}`,
/// its limits empty (`""`) as in the docs' platform answer.
fn operation(name: &str, enabled: bool, second: Value) -> Value {
    let open = json!({ "min": "", "max": "" });
    json!({ name: {
        "status": enabled,
        "limits": { "crypto": open, "fiat": open },
        "secondOperations": second,
    }})
}

/// `currencies`: the market's coins and tokens with their rates and operations, and its
/// fiats. The market keeps no history, so every period of `rates.raw` is today's rate
/// (in EUR, the reference fiat).
fn currencies_json(market: &Market) -> Value {
    let fiats: Vec<_> = market
        .assets
        .iter()
        .filter(|a| a.kind == Kind::Fiat)
        .collect();
    let crypto = |kind: Kind| -> Vec<Value> {
        market
            .assets
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| {
                let on = |op: PriceOp| market.enabled(op, a.symbol);
                let withdraw = if kind == Kind::Token {
                    PriceOp::WithdrawIco
                } else {
                    PriceOp::Withdraw
                };
                let general = vec![
                    operation(withdraw.name(), on(withdraw), json!([])),
                    operation("deposit", true, json!([])),
                    operation(
                        PriceOp::BuyWithCrypto.name(),
                        on(PriceOp::BuyWithCrypto),
                        json!([]),
                    ),
                    operation(
                        PriceOp::SellToCrypto.name(),
                        on(PriceOp::SellToCrypto),
                        json!([]),
                    ),
                ];
                let mut particular = Map::new();
                for fiat in &fiats {
                    particular.insert(
                        fiat.symbol.to_owned(),
                        json!([
                            operation(
                                PriceOp::BuyWithFiat.name(),
                                on(PriceOp::BuyWithFiat),
                                json!([{ withdraw.name(): { "mandatory": false } }]),
                            ),
                            operation(
                                PriceOp::SellToFiat.name(),
                                on(PriceOp::SellToFiat),
                                json!([]),
                            ),
                        ]),
                    );
                }
                let rate = amount(a.eur);
                json!({
                    "name": a.name,
                    "symbol": a.symbol,
                    "type": if kind == Kind::Token { "token" } else { "coin" },
                    "chain": { "name": a.name, "symbol": a.symbol },
                    "rates": { "raw": {
                        "now": rate, "day": rate, "week": rate, "month": rate,
                        "quarter": rate, "semester": rate, "year": rate,
                    }},
                    "operations": { "General": general, "Particular": particular },
                })
            })
            .collect()
    };
    json!({
        "coins": crypto(Kind::Coin),
        "tokens": crypto(Kind::Token),
        "fiats": fiats
            .iter()
            .map(|f| json!({ "name": f.name, "symbol": f.symbol, "operations": [] }))
            .collect::<Vec<_>>(),
    })
}

/// platform-show.
pub(crate) fn show(ctx: &mut Ctx<'_>) -> Reply {
    ok(ctx.state.platform.json(ctx.platform_id, &ctx.state.market))
}

/// `true` for an absolute http(s) URL with a host and no spaces (Laravel's `url`, simplified).
pub(crate) fn is_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty()
            && !host.starts_with('.')
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '_'))
    }) && !text.contains(char::is_whitespace)
}

/// `#rgb` or `#rrggbb` (the docs' regex).
fn is_color(text: &str) -> bool {
    text.strip_prefix('#').is_some_and(|hex| {
        (hex.len() == 3 || hex.len() == 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
    })
}

/// A required text of at most 191 characters.
fn short<'a>(check: &mut Check<'a>, name: &str) -> Option<&'a str> {
    let value = check.required(name)?;
    if value.chars().count() > 191 {
        check.fail(
            name,
            &format!("The {name} may not be greater than 191 characters."),
        );
        return None;
    }
    Some(value)
}

/// platform-update: the five documented fields, all required; `code` and the rest stay.
pub(crate) fn update(ctx: &mut Ctx<'_>) -> Reply {
    let input = ctx.input.clone();
    let mut check = Check::new(&input);
    let name = short(&mut check, "name");
    let url = |check: &mut Check<'_>, field: &str| {
        let value = short(check, field)?;
        if is_url(value) {
            Some(value.to_owned())
        } else {
            check.fail(field, &format!("The {field} format is invalid."));
            None
        }
    };
    let base_url = url(&mut check, "baseUrl");
    let ien_url = url(&mut check, "ienUrl");
    let ien_type = check.one_of("ienType", &["jwt", "hmac"], true);
    let color = check.required("colorCode");
    if color.is_some_and(|c| !is_color(c)) {
        check.fail("colorCode", "The colorCode format is invalid.");
    }
    check.finish()?;
    let (Some(name), Some(base_url), Some(ien_url), Some(ien_type), Some(color)) =
        (name, base_url, ien_url, ien_type, color)
    else {
        // Every None above recorded a failure, so finish() has answered already.
        return Err(invalid("name", "The name field is required.")
            .because("platform-update needs name, baseUrl, ienUrl, ienType and colorCode"));
    };
    let platform = &mut ctx.state.platform;
    platform.name = name.to_owned();
    platform.base_url = base_url;
    platform.ien_url = ien_url;
    platform.ien_type = ien_type.to_owned();
    platform.color_code = color.to_owned();
    ok(ctx.state.platform.json(ctx.platform_id, &ctx.state.market))
}

/// The snake_case page `meta` of platform-staff: one page holding everything.
fn page_meta(total: usize) -> Value {
    json!({ "total": total, "current_page": 1, "per_page": 25.max(total), "last_page": 1 })
}

/// platform-staff: the platform's staff (a fixed seed list).
pub(crate) fn staff(ctx: &mut Ctx<'_>) -> Reply {
    let staff = &ctx.state.platform.staff;
    let items: Vec<Value> = staff
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "userId": s.user_id,
                "email": s.email,
                "firstName": s.first_name,
                "lastName": s.last_name,
                "isActive": s.is_active,
                "role": s.role,
            })
        })
        .collect();
    Ok(super::respond(
        axum::http::StatusCode::OK,
        &json!({ "data": items, "meta": page_meta(staff.len()) }),
    ))
}

/// `true` when `user` was registered through the sandbox's platform (`platform.id` at
/// user-create, or `platformUserId` of the control route).
pub(crate) fn linked<'a>(user: &'a User, platform_id: &str) -> Option<&'a PlatformLink> {
    user.platform
        .as_ref()
        .filter(|p| p.id.is_empty() || p.id.eq_ignore_ascii_case(platform_id))
}

/// platform-users: the users the platform registered, oldest first; `id` is the platform's
/// own user id (`platform.userId`), or the CCPro UUID when none was given.
pub(crate) fn users(ctx: &mut Ctx<'_>) -> Reply {
    let items: Vec<Value> = ctx
        .state
        .users
        .iter()
        .filter_map(|u| {
            let link = linked(u, ctx.platform_id)?;
            let or = |value: &str, fallback: &str| {
                if value.is_empty() {
                    fallback.to_owned()
                } else {
                    value.to_owned()
                }
            };
            Some(json!({
                "id": or(&link.user_id, &u.id),
                "email": or(&link.email, &u.email),
                "username": link.username,
                "createdAt": u.created_at,
            }))
        })
        .collect();
    ok(Value::Array(items))
}

/// platform-calls: the notifications CCPro sent to the platform's IEN, oldest first;
/// `request` and `response` are JSON text and `status` a string, as the docs show.
pub(crate) fn calls(ctx: &mut Ctx<'_>) -> Reply {
    let items: Vec<Value> = ctx
        .state
        .calls
        .iter()
        .map(|c| {
            json!({
                "endpoint": c.endpoint,
                "verb": c.verb,
                "request": c.request.to_string(),
                "status": c.status.to_string(),
                "response": c.response.to_string(),
                "createdAt": c.created_at,
            })
        })
        .collect();
    ok(Value::Array(items))
}
