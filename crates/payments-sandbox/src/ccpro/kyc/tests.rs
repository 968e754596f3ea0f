//! KYC unit tests.

use super::*;

#[test]
fn dates_read_as_the_rules_read_them() {
    assert_eq!(date_seconds("2000-02-20"), Some(951_004_800));
    assert_eq!(date_seconds("1969-12-31"), Some(-86_400));
    assert_eq!(date_seconds("2000-02-30"), None);
    assert_eq!(datetime_seconds("2020-12-30 12:00:00"), Some(1_609_329_600));
    assert_eq!(datetime_seconds("2020-12-30 24:00:00"), None);
    assert_eq!(datetime_seconds("2020-12-30T12:00:00"), None);
    assert_eq!(adult_limit(1_700_000_000), "2005-11-14");
    // 2024-02-29 minus 18 years.
    assert_eq!(adult_limit(1_709_164_800), "2006-02-28");
}

#[test]
fn levels_rise_with_approved_items_only() {
    let mut kyc = Kyc::new();
    assert_eq!(kyc.required(), "phone");
    kyc.phone_verified = true;
    kyc.refresh();
    assert_eq!((kyc.level.as_str(), kyc.required()), ("1", "personal"));
    kyc.personal.status = Some(ACCEPTED);
    kyc.address.status = Some(PENDING);
    assert_eq!(kyc.required(), "documents");
    assert_eq!(
        kyc.documents_needed(),
        [
            "governmentIdFront",
            "governmentIdBack",
            "passport",
            "utilityBill"
        ]
    );
    for slot in ["passport", "utilityBill"] {
        kyc.doc_mut(slot).unwrap().review.status = Some(ACCEPTED);
    }
    assert_eq!(kyc.required(), "");
    kyc.refresh();
    assert_eq!(kyc.level, "1", "the address is still pending");
    kyc.address.status = Some(ACCEPTED);
    kyc.refresh();
    assert_eq!((kyc.level.as_str(), kyc.required()), ("2", "documents"));
    assert_eq!(kyc.documents_needed(), ["selfieWithId"]);
}

#[test]
fn the_profile_form_has_the_documented_keys() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/ccpro/docs/user-profile.response.200.json");
    // The docs' fixtures live in the repository, not in the packaged crate
    // (`cargo xtask package` runs these tests without them).
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let fixture: Value = serde_json::from_str(&text).unwrap();
    let want = &fixture["body"]["data"]["kyc"];
    let mut state = CcproState::new(1);
    state.users.push(User {
        id: "u".to_owned(),
        ..User::default()
    });
    let got = profile_json(&state, "u");
    fn keys(want: &Value, got: &Value, path: &str) {
        if let (Value::Object(w), Value::Object(g)) = (want, got) {
            let wk: Vec<&String> = w.keys().collect();
            let gk: Vec<&String> = g.keys().collect();
            assert_eq!(wk, gk, "{path}");
            for k in w.keys() {
                keys(&w[k], &g[k], &format!("{path}.{k}"));
            }
        }
    }
    keys(want, &got, "kyc");
}
