//! `POST /partners/{partnerId}/kyc`.

use super::*;

/// A validated KYC review request (only what the sandbox keeps).
pub(crate) struct KycRequest {
    pub(crate) trader_id: u64,
    pub(crate) external_id: String,
}

pub(crate) type Obj = Map<String, Value>;

pub(crate) fn object<'a>(parent: &'a Obj, name: &str, at: &str) -> Result<&'a Obj, String> {
    match parent.get(name) {
        Some(Value::Object(o)) => Ok(o),
        Some(_) => Err(format!("{at}{name}: expected an object")),
        None => Err(format!("{at}{name}: required")),
    }
}

pub(crate) fn text<'a>(parent: &'a Obj, name: &str, at: &str) -> Result<&'a str, String> {
    match parent.get(name) {
        Some(Value::String(s)) if s.trim().is_empty() => Err(format!("{at}{name}: empty")),
        Some(Value::String(s)) if s.chars().count() > MAX_TEXT_LEN => {
            Err(format!("{at}{name}: longer than {MAX_TEXT_LEN} characters"))
        }
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("{at}{name}: expected a string")),
        None => Err(format!("{at}{name}: required")),
    }
}

pub(crate) fn boolean(parent: &Obj, name: &str, at: &str) -> Result<bool, String> {
    match parent.get(name) {
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(format!("{at}{name}: expected true or false")),
        None => Err(format!("{at}{name}: required")),
    }
}

pub(crate) fn two_digits(b: &[u8]) -> Option<u32> {
    match b {
        [x, y] if x.is_ascii_digit() && y.is_ascii_digit() => {
            Some(u32::from(x - b'0') * 10 + u32::from(y - b'0'))
        }
        _ => None,
    }
}

/// An ISO 8601 (RFC 3339) timestamp: `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`.
pub(crate) fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || !s.is_ascii() || !matches!(b[10], b'T' | b't') {
        return false;
    }
    let date_ok = s.get(..10).is_some_and(is_date);
    let hh = two_digits(&b[11..13]);
    let mm = two_digits(&b[14..16]);
    let ss = two_digits(&b[17..19]);
    let time_ok = b[13] == b':'
        && b[16] == b':'
        && hh.is_some_and(|h| h <= 23)
        && mm.is_some_and(|m| m <= 59)
        && ss.is_some_and(|s| s <= 60);
    let mut rest = &b[19..];
    if let Some(frac) = rest.strip_prefix(b".") {
        let digits = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        rest = &frac[digits..];
    }
    let zone_ok = match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            two_digits(&[*h1, *h2]).is_some_and(|h| h <= 23)
                && two_digits(&[*m1, *m2]).is_some_and(|m| m <= 59)
        }
        _ => false,
    };
    date_ok && time_ok && zone_ok
}

pub(crate) fn timestamp(parent: &Obj, name: &str, at: &str) -> Result<(), String> {
    let s = text(parent, name, at)?;
    if is_timestamp(s) {
        Ok(())
    } else {
        Err(format!(
            "{at}{name}: expected an ISO 8601 timestamp such as 2018-11-19T01:23:35Z"
        ))
    }
}

pub(crate) fn country_code(parent: &Obj, name: &str, at: &str) -> Result<(), String> {
    let s = text(parent, name, at)?;
    if countries::is_alpha2(s) || RESERVED_COUNTRY_CODES.contains(&s) {
        Ok(())
    } else {
        Err(format!(
            "{at}{name}: expected an ISO 3166-1 alpha-2 code such as DK"
        ))
    }
}

pub(crate) fn check(parent: &Obj, name: &str, at: &str) -> Result<(), String> {
    let o = object(parent, name, at)?;
    let at = format!("{at}{name}.");
    boolean(o, "approved", &at)?;
    timestamp(o, "approveTime", &at)
}

pub(crate) fn parse_kyc(body: &[u8]) -> Result<KycRequest, String> {
    let root: Obj = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(o)) => o,
        Ok(_) => return Err("body: expected a JSON object".into()),
        Err(e) => return Err(format!("body: not valid JSON ({e})")),
    };
    let trader_id = match root.get("traderId") {
        Some(v) => v
            .as_u64()
            .ok_or("traderId: expected a non-negative integer")?,
        None => return Err("traderId: required".into()),
    };
    let external_id = text(&root, "externalId", "")?.to_owned();
    if text(&root, "state", "")? != "completed" {
        return Err("state: only \"completed\" is supported".into());
    }
    timestamp(&root, "approveTime", "")?;
    timestamp(&root, "createTime", "")?;
    check(&root, "pep", "")?;
    check(&root, "sanction", "")?;
    let profile = object(&root, "profile", "")?;
    country_code(profile, "citizenCountry", "profile.")?;
    text(profile, "name", "profile.")?;
    let dob = text(profile, "dateOfBirth", "profile.")?;
    if !is_date(dob) {
        return Err("profile.dateOfBirth: expected a date as YYYY-MM-DD".into());
    }
    let address = object(profile, "address", "profile.")?;
    for name in ["street", "city", "postalCode"] {
        text(address, name, "profile.address.")?;
    }
    // The table marks `state` required but the docs' own example leaves it out.
    if address.contains_key("state") {
        text(address, "state", "profile.address.")?;
    }
    country_code(address, "country", "profile.address.")?;
    Ok(KycRequest {
        trader_id,
        external_id,
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Created<'a> {
    pub(crate) id: &'a str,
    pub(crate) external_id: &'a str,
}

pub(crate) async fn submit_kyc(
    State(sandbox): State<Sandbox>,
    Extension(Claims(claims)): Extension<Claims>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let req = parse_kyc(&body).map_err(invalid)?;
    if claims.get("traderId").and_then(Value::as_u64) != Some(req.trader_id) {
        return Err(
            unauthorized("authentication failed: the JWT's traderId is not the body's")
                .because(claim_mismatch(&claims, "traderId", "the body's traderId")),
        );
    }
    if claims.get("externalId").and_then(Value::as_str) != Some(req.external_id.as_str()) {
        return Err(
            unauthorized("authentication failed: the JWT's externalId is not the body's").because(
                claim_mismatch(&claims, "externalId", "the body's externalId"),
            ),
        );
    }
    let mut state = sandbox.lock();
    let cf = &mut state.coinify;
    if let Some(&i) = cf.by_external_id.get(&req.external_id)
        && let Some(review) = cf.reviews.get(i)
    {
        return Ok(json_response(
            StatusCode::OK,
            &Created {
                id: &review.id,
                external_id: &review.external_id,
            },
        ));
    }
    let id = cf.review_ids.next_uuid();
    let index = cf.reviews.len();
    cf.by_external_id.insert(req.external_id.clone(), index);
    cf.by_id.insert(id.clone(), index);
    cf.reviews.push(KycReview {
        id: id.clone(),
        external_id: req.external_id.clone(),
        trader_id: req.trader_id,
        documents: Vec::new(),
    });
    Ok(json_response(
        StatusCode::CREATED,
        &Created {
            id: &id,
            external_id: &req.external_id,
        },
    ))
}
