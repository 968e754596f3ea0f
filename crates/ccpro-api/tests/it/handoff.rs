//! The checkout hand-off URL: the platform id and an RS512 JWT whose claims have the shape
//! of the docs' example URLs (reference §7, the second example's payload).

use ccpro_api::{CheckoutHandoff, CheckoutPayment, CheckoutUser, ExactAmount};
use payments_test_support::MemoryTransport;

use crate::support::{self, NOW, PLATFORM};

fn handoff() -> CheckoutHandoff {
    CheckoutHandoff {
        user: CheckoutUser {
            id: "bb17762a-8d2a-4a4a-91c5-2df9cd072485".into(),
            email: "paizan.alexandru93@gmail.com".into(),
            first_name: Some("Alex".into()),
            last_name: Some("Paizan".into()),
            dob: Some("1993-06-18".into()),
            phone: Some("+40760386571".into()),
            wallet: Some("0x2198372121xzsadsa21421sa".into()),
            ..CheckoutUser::default()
        },
        payment: CheckoutPayment {
            operation: Some("buy".into()),
            kind: "coin".into(),
            symbol: "ETH".into(),
            amount: "1".parse::<ExactAmount>().unwrap(),
            rate: Some("227.62000".parse().unwrap()),
            fiat: "EUR".into(),
            request_id: "957c0c28-99a1-49ce-85f7-9be9f4cc4f40".into(),
            method: "bank".into(),
            attempts: 3,
            second_order_type: Some("withdraw".into()),
        },
        ping_url: "https://dev-app.infra.cryptocoin.pro?ping=order-nash".into(),
        redirect_url: "https://nash.io/".into(),
    }
}

#[test]
fn the_url_carries_the_platform_and_a_verifiable_token_shaped_as_documented() {
    let mem = MemoryTransport::new([]);
    let url = support::client(&mem).checkout_url(&handoff()).unwrap();
    let query = url
        .strip_prefix("https://checkout.cryptocoin.pro/?")
        .unwrap();
    let (platform, token) = query.split_once('&').unwrap();
    assert_eq!(platform, format!("platform={PLATFORM}"));
    let token = token.strip_prefix("token=").unwrap();
    let claims = support::verify_jwt(token);
    let documented: serde_json::Value = serde_json::from_str(
        r#"{"user":{"id":"bb17762a-8d2a-4a4a-91c5-2df9cd072485","email":"paizan.alexandru93@gmail.com","first_name":"Alex","last_name":"Paizan","dob":"1993-06-18","phone":"+40760386571","wallet":"0x2198372121xzsadsa21421sa"},
            "payment":{"operation":"buy","type":"coin","symbol":"ETH","amount":"1","rate":"227.62000","fiat":"EUR","request_id":"957c0c28-99a1-49ce-85f7-9be9f4cc4f40","method":"bank","attempts":3,"second_order_type":"withdraw"},
            "ping_url":"https://dev-app.infra.cryptocoin.pro?ping=order-nash","redirect_url":"https://nash.io/","expire":0}"#,
    )
    .unwrap();
    let mut expected = documented.as_object().unwrap().clone();
    expected.insert("expire".into(), (NOW + 60).into());
    assert_eq!(claims, expected);
}

#[test]
fn the_url_needs_the_platform_key_and_a_user() {
    let client = ccpro_api::Client::new(ccpro_api::Environment::Dev).unwrap();
    assert!(matches!(
        client.checkout_url(&handoff()),
        Err(ccpro_api::Error::Config { .. })
    ));
    let mut h = handoff();
    h.user.id = " ".into();
    let mem = MemoryTransport::new([]);
    assert!(matches!(
        support::client(&mem).checkout_url(&h),
        Err(ccpro_api::Error::InvalidRequest { .. })
    ));
}
