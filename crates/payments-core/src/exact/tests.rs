//! ExactAmount's unit tests: every CCPro example value, notations, refusals, serde, and a
//! fuzz-style agreement with `rust_decimal`.
#![allow(clippy::unwrap_used)]
use super::*;
use std::hash::DefaultHasher;

fn x(s: &str) -> ExactAmount {
    ExactAmount::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn hash(a: &ExactAmount) -> u64 {
    let mut h = DefaultHasher::new();
    a.hash(&mut h);
    h.finish()
}

/// Every amount, price, rate, fee and limit example of the CCPro reference, §4.2.
const CCPRO_STRINGS: &[&str] = &[
    "500.0000000000000000000000000",
    "1.0000000000000000000000000",
    "0",
    "172.2125000000000000000000000",
    "142.2625000000000000000000000",
    "0.0000000000000000000000000",
    "15.0000000000000000000000000",
    "4.4925000000000000000000000",
    "5",
    "1.4975",
    "0.2000000000000000000000000",
    "34.4425000000000000000000000",
    "0.2",
    "142.2625",
    "28.4525",
    "6.0e-6",
    "258.865",
    "0.00155319",
    "4.4925",
    "0.03",
    "15",
    "0.01",
    "0.00020259",
    "9.000000000000001e-7",
    "0.9500000000000000000000000",
    "0.0500000000000000000000000",
    "6383.37700000000000000000000000000000000000000000000000",
    "6377",
    "160.16",
    "6.304E-5",
    "0.09990009990009990009990036200000000000000000000000",
    "2.0000000000000000000000000000",
    "10.000000000000000000000000000",
    "100",
    "0.01566568917988080603730595889918455388111966440334",
    "16016.00000000000000000000000000000000000000000000000000",
    "98.0000000000000000000000000000",
    "128.55000",
    "6213.60000",
    "6.252E-5",
    "5.791E-5",
    "127.98000",
    "0.011646368236156",
    "10.04129486967",
    "83.545222542067",
    "72031.22874758",
    "350",
    "60",
    "0.039326",
    "0.0067416",
    "149.75",
    "5000",
    "1",
];

/// The JSON-number examples of §4.2 (`0.1`, ints, `0.00155319`).
const CCPRO_NUMBERS: &[&str] = &[
    "0",
    "0.1",
    "2",
    "10",
    "0.00155319",
    "2500",
    "20000",
    "30000",
    "25000",
    "100000",
    "1000",
    "50",
];

#[test]
fn every_ccpro_example_round_trips_as_a_string_and_as_a_number() {
    for &text in CCPRO_STRINGS.iter().chain(CCPRO_NUMBERS) {
        let parsed = x(text);
        assert_eq!(parsed.as_str(), text);
        assert_eq!(parsed.to_string(), text);

        let json = format!("\"{text}\"");
        let s: ExactAmount = serde_json::from_str(&json).unwrap();
        assert_eq!(s.as_str(), text);
        assert!(!s.was_number(), "{text}");
        assert_eq!(serde_json::to_string(&s).unwrap(), json);

        // JSON numbers allow no leading zeros, which none of the examples has.
        let n: ExactAmount = serde_json::from_str(text).unwrap();
        assert_eq!(n.as_str(), text);
        assert!(n.was_number(), "{text}");
        assert_eq!(serde_json::to_string(&n).unwrap(), text);

        assert_eq!(s, n);
        assert_eq!(s, parsed);
        assert_eq!(hash(&s), hash(&n));
    }
}

#[test]
fn values_compare_by_number_across_notations() {
    for group in [
        &[
            "1.5", "1.50", "15e-1", "0.15E1", "1.5e+0", "001.500", "150e-2",
        ][..],
        &["0", "-0", "0.000", "-0.0e5", "0e-1000", "00"],
        &["6.0e-6", "0.000006", "6e-6", "60e-7", "0.0000060"],
        &["9.000000000000001e-7", "0.0000009000000000000001"],
        &["6.304E-5", "0.00006304"],
        &["1e3", "1000", "1.000E+3", "1000.0000"],
        &["-2.5", "-25e-1", "-0.25e1"],
        &[
            "16016.00000000000000000000000000000000000000000000000000",
            "16016",
            "1.6016e4",
        ],
    ] {
        for a in group {
            for b in group {
                assert_eq!(x(a), x(b), "{a} == {b}");
                assert_eq!(x(a).cmp(&x(b)), Ordering::Equal, "{a} cmp {b}");
                assert_eq!(hash(&x(a)), hash(&x(b)), "hash {a} {b}");
            }
        }
    }
    let ascending = [
        "-1e3",
        "-999.99",
        "-1.5",
        "-1.25",
        "-9e-7",
        "-0",
        "9.000000000000001e-7",
        "0.000001",
        "6.0e-6",
        "6.252E-5",
        "6.304E-5",
        "0.01566568917988080603730595889918455388111966440334",
        "0.0156656891798808060373059588991845538811196644034",
        "0.1",
        "0.15",
        "0.2",
        "1",
        "1.0000000000000000000000000000000000000000000000001",
        "9",
        "10",
        "16016",
        "1e1000",
    ];
    for (i, a) in ascending.iter().enumerate() {
        for (j, b) in ascending.iter().enumerate() {
            assert_eq!(x(a).cmp(&x(b)), i.cmp(&j), "{a} vs {b}");
        }
    }
    assert_ne!(x("1.5"), x("-1.5"));
    assert_ne!(x("1"), x("10"));
    assert_ne!(x("0.1"), x("0.01"));
}

#[test]
fn accessors_follow_the_text_as_written() {
    for (text, scale, plain) in [
        ("0.0100", 4, "0.0100"),
        ("6.0e-6", 7, "0.0000060"),
        ("1e3", 0, "1000"),
        ("1.5E+3", 0, "1500"),
        ("1.25e1", 1, "12.5"),
        ("0.5e1", 0, "5"),
        ("0.05e1", 1, "0.5"),
        ("-6.304E-5", 8, "-0.00006304"),
        ("9.000000000000001e-7", 22, "0.0000009000000000000001"),
        ("007", 0, "007"),
        ("-0.00", 2, "-0.00"),
        ("0e0", 0, "0"),
        ("0.0e-2", 3, "0.000"),
        ("12.5e0", 1, "12.5"),
    ] {
        let a = x(text);
        assert_eq!(a.scale(), scale, "{text}");
        assert_eq!(a.to_plain_string(), plain, "{text}");
        assert_eq!(x(plain), a, "{text}");
    }
    let tiny = x("1E-1000");
    assert_eq!(tiny.scale(), 1000);
    assert_eq!(tiny.to_plain_string(), format!("0.{}1", "0".repeat(999)));
    assert_eq!(
        x("-1.5e1000").to_plain_string(),
        format!("-15{}", "0".repeat(999))
    );
    assert!(x("0").is_zero() && !x("0").is_negative() && !x("0").is_positive());
    assert!(x("-0.0").is_zero() && !x("-0.0").is_negative());
    assert!(x("-1e-9").is_negative() && !x("-1e-9").is_positive());
    assert!(x("1e-9").is_positive() && !x("1e-9").is_zero());
    assert_eq!(format!("{:?}", x("6.0e-6")), "ExactAmount(6.0e-6)");
    assert_eq!(
        format!("{:>8}|{:.1}", x("1.50"), x("1.50")),
        "    1.50|1.50"
    );
}

#[test]
fn refusals_name_the_problem() {
    for (text, says) in [
        ("", "empty"),
        (" ", "unexpected ' ' at character 0"),
        ("1 ", "unexpected ' ' at character 1"),
        (" 1", "unexpected ' '"),
        ("\t", "unexpected '\\t'"),
        ("+1", "leading '+'"),
        ("-", "no digits"),
        (".5", "no digit before the '.'"),
        ("-.5", "no digit before the '.'"),
        ("5.", "no digit after the '.'"),
        ("5.e3", "no digit after the '.'"),
        ("1e", "no digit in the exponent"),
        ("1e+", "no digit in the exponent"),
        ("1e-", "no digit in the exponent"),
        ("e5", "unexpected 'e'"),
        ("1e1001", "beyond ±1000"),
        ("1e-1001", "beyond ±1000"),
        ("1e99999999999999999999999", "beyond ±1000"),
        ("NaN", "NaN and infinities"),
        ("-inf", "NaN and infinities"),
        ("Infinity", "NaN and infinities"),
        ("0x1A", "unexpected 'x'"),
        ("1_000", "unexpected '_'"),
        ("1,5", "unexpected ','"),
        ("1.2.3", "unexpected '.'"),
        ("--1", "unexpected '-' at character 1"),
        ("1e5.5", "unexpected '.'"),
        ("1e--5", "unexpected '-' at character 3"),
        ("１", "unexpected '１'"),
        ("12€", "unexpected '€' at character 2"),
        ("1\u{0}", "unexpected '\\0'"),
    ] {
        let e = ExactAmount::parse(text).unwrap_err().to_string();
        assert!(e.contains(says), "{text:?}: {e}");
        assert!(e.contains("is not an exact amount"), "{text:?}: {e}");
    }
    let long = "1".repeat(MAX_LEN + 1);
    let e = ExactAmount::parse(&long).unwrap_err().to_string();
    assert!(e.contains("longer than 256 characters"), "{e}");
    assert!(e.len() < 200, "the message quotes a bounded prefix: {e}");
    assert!(ExactAmount::parse(&"1".repeat(MAX_LEN)).is_ok());
    assert!(ExactAmount::parse("1e1000").is_ok());
    assert!(ExactAmount::parse("1e-0001000").is_ok());
    assert!(ExactAmount::parse(&format!("1e{}1000", "0".repeat(200))).is_ok());
    // A huge input is refused without being copied or scanned in full.
    let huge = "9".repeat(10_000_000);
    assert!(ExactAmount::parse(&huge).is_err());
}

/// A small xorshift, so the fuzz loop is deterministic and needs no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// An independent reading of the grammar, to check the parser against.
fn well_formed(s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let s = s.strip_prefix('-').unwrap_or(s);
    let (mantissa, exp) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (s, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        digits(e) && e.trim_start_matches('0').len() <= 4 && {
            let v: u32 = e.trim_start_matches('0').parse().unwrap_or(0);
            v <= MAX_EXPONENT
        }
    });
    digits(int) && frac.is_none_or(digits) && exp_ok
}

/// Random text: either any characters of a small alphabet, or a number built from
/// parts (sign, digits, fraction, exponent) with now and then one character changed.
fn random_text(rng: &mut Rng, round: usize) -> String {
    const ALPHABET: &[u8] = b"0000123456789..--++eeEE xN_,";
    const PARTS: &[&str] = &["", "-", "+", ".", "e", "E", "e-", "E+", " ", "_", "é"];
    let digits = |rng: &mut Rng, max: usize| -> String {
        let n = rng.below(max);
        (0..n)
            .map(|_| char::from(b'0' + rng.below(10) as u8))
            .collect()
    };
    if round.is_multiple_of(2) {
        let len = rng.below(if round.is_multiple_of(20) { 300 } else { 14 });
        return (0..len)
            .map(|_| char::from(ALPHABET[rng.below(ALPHABET.len())]))
            .collect();
    }
    let mut t = String::new();
    if rng.below(3) == 0 {
        t.push('-');
    }
    t += &digits(rng, 30);
    if rng.below(2) == 0 {
        t.push('.');
        let max = if rng.below(4) == 0 { 120 } else { 30 };
        t += &digits(rng, max);
    }
    if rng.below(2) == 0 {
        t.push(if rng.below(2) == 0 { 'e' } else { 'E' });
        t += ["", "+", "-"][rng.below(3)];
        t += &digits(rng, 5);
    }
    if rng.below(4) == 0 && !t.is_empty() {
        let at = rng.below(t.len());
        if t.is_char_boundary(at) {
            t.insert_str(at, PARTS[rng.below(PARTS.len())]);
        }
    }
    t
}

#[test]
fn random_text_never_panics_and_agrees_with_the_grammar_and_rust_decimal() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut valid = Vec::new();
    let mut refused = 0;
    for round in 0..60_000 {
        let text = random_text(&mut rng, round);
        match ExactAmount::parse(&text) {
            Ok(a) => {
                assert!(well_formed(&text) && text.len() <= MAX_LEN, "{text:?}");
                assert_eq!(a.as_str(), text);
                let plain = a.to_plain_string();
                assert!(!plain.contains(['e', 'E']), "{text:?} -> {plain}");
                if plain.len() <= MAX_LEN {
                    assert_eq!(x(&plain), a, "{text:?} -> {plain}");
                    assert_eq!(x(&plain).scale(), a.scale(), "{text:?} -> {plain}");
                }
                if let Ok(d) = a.to_amount() {
                    assert_eq!(ExactAmount::from(d), a, "{text:?} -> {d}");
                }
                valid.push(a);
            }
            Err(e) => {
                refused += 1;
                assert!(
                    !well_formed(&text) || text.chars().count() > MAX_LEN,
                    "{text:?} refused: {e}"
                );
            }
        }
    }
    assert!(valid.len() > 10_000, "only {} valid texts", valid.len());
    assert!(refused > 10_000, "only {refused} refused texts");
    // Order and equality agree with rust_decimal wherever both hold the value.
    let decimals: Vec<_> = valid
        .iter()
        .filter_map(|a| a.to_amount().ok().map(|d| (a, d)))
        .step_by(7)
        .take(700)
        .collect();
    assert!(decimals.len() == 700, "only {} fit", decimals.len());
    for (a, da) in &decimals {
        for (b, db) in &decimals {
            assert_eq!(a.cmp(b), da.cmp(db), "{a} vs {b}");
            if a == b {
                assert_eq!(hash(a), hash(b), "{a} vs {b}");
            }
        }
    }
}

#[test]
fn conversion_to_amount_is_exact_or_refused() {
    for (text, amount) in [
        (
            "172.2125000000000000000000000",
            "172.2125000000000000000000000",
        ),
        ("0.00155319", "0.00155319"),
        ("6.0e-6", "0.0000060"),
        ("1.5E+3", "1500"),
        ("-6.304E-5", "-0.00006304"),
        ("1e28", "10000000000000000000000000000"),
        (
            "0.0000000000000000000000000001",
            "0.0000000000000000000000000001",
        ),
        (
            "79228162514264337593543950335",
            "79228162514264337593543950335",
        ),
        (
            "-79228162514264337593543950335",
            "-79228162514264337593543950335",
        ),
        // Trailing zeros beyond what fits are dropped: the value keeps every digit.
        (
            "16016.00000000000000000000000000000000000000000000000000",
            "16016",
        ),
        (
            "6383.37700000000000000000000000000000000000000000000000",
            "6383.377",
        ),
        (
            "0.09990009990009990009990036200000000000000000000000",
            "0.099900099900099900099900362",
        ),
        (
            "0.0000000000000000000000000000",
            "0.0000000000000000000000000000",
        ),
        ("0e-50", "0"),
        ("-0", "0"),
    ] {
        let a = x(text).to_amount().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.to_string(), amount, "{text}");
        assert_eq!(ExactAmount::from(a), x(text), "{text}");
    }
    for text in [
        "0.01566568917988080603730595889918455388111966440334",
        "1e-29",
        "1e29",
        "79228162514264337593543950336",
        "1.0000000000000000000000000000001",
        "1e1000",
        "1e-1000",
    ] {
        let e = x(text).to_amount().unwrap_err().to_string();
        assert!(e.contains("does not fit an Amount exactly"), "{text}: {e}");
    }
}

#[test]
fn amounts_convert_with_their_text_and_serialize_as_strings() {
    for text in [
        "0.01000000",
        "-12.5",
        "0",
        "356",
        "0.0000000000000000000000000001",
    ] {
        let a = ExactAmount::from(Amount::parse(text).unwrap());
        assert_eq!(a.as_str(), text);
        assert_eq!(a, x(text));
        assert_eq!(a.scale(), x(text).scale());
        assert!(!a.was_number());
        assert_eq!(serde_json::to_string(&a).unwrap(), format!("\"{text}\""));
    }
    let mut d = Decimal::new(0, 2);
    d.set_sign_negative(true);
    let neg_zero = ExactAmount::from(Amount::new(d));
    assert!(neg_zero.is_zero() && !neg_zero.is_negative());
    assert_eq!(x(neg_zero.as_str()), neg_zero);
    let parsed = x("1e-7");
    assert_eq!(serde_json::to_string(&parsed).unwrap(), "\"1e-7\"");
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
struct Quote {
    amount: ExactAmount,
    rate: ExactAmount,
    total: ExactAmount,
    fee_percent: ExactAmount,
    #[serde(default, with = "optional")]
    min: Option<ExactAmount>,
    #[serde(default, with = "optional")]
    max: Option<ExactAmount>,
    #[serde(default, with = "optional")]
    fee: Option<ExactAmount>,
    #[serde(default, with = "optional")]
    missing: Option<ExactAmount>,
}

#[test]
fn a_document_with_strings_and_numbers_reserializes_byte_identical() {
    let doc = r#"{"amount":"6.0e-6","rate":"258.865","total":0.00155319,"feePercent":0,"min":"0.0100","max":1E+3,"fee":-0.0}"#;
    let q: Quote = serde_json::from_str(doc).unwrap();
    assert!(!q.amount.was_number() && q.total.was_number() && q.fee_percent.was_number());
    assert_eq!(q.amount, x("0.000006"));
    assert_eq!(q.total.as_str(), "0.00155319");
    assert_eq!(q.fee_percent, x("0"));
    assert_eq!(q.min.as_ref().map(ExactAmount::as_str), Some("0.0100"));
    assert_eq!(q.max.as_ref().map(ExactAmount::as_str), Some("1E+3"));
    assert!(q.missing.is_none());
    assert_eq!(
        serde_json::to_string(&q).unwrap(),
        doc.replace('}', r#","missing":null}"#)
    );
    // Whitespace and escapes are read; the values are written compactly.
    let q: Quote = serde_json::from_str(
        "{ \"amount\" : \"\\u0031.5\" , \"rate\": \"1\", \"total\":\n 2 ,\"feePercent\":\"0\"}",
    )
    .unwrap();
    assert_eq!(q.amount.as_str(), "1.5");
    assert_eq!(q.total.as_str(), "2");
}

#[test]
fn absent_values_read_as_none_and_empty_text_comes_back_as_null() {
    let q: Quote = serde_json::from_str(
        r#"{"amount":"1","rate":"1","total":"1","feePercent":"0","min":"","max":null}"#,
    )
    .unwrap();
    assert!(q.min.is_none() && q.max.is_none() && q.fee.is_none());
    let back = serde_json::to_string(&q).unwrap();
    assert!(
        back.contains(r#""min":null,"max":null,"fee":null"#),
        "{back}"
    );

    for bad in [
        r#""""#,
        "null",
        "true",
        "[1]",
        r#"{"a":1}"#,
        r#"" 1""#,
        "1.5.2",
    ] {
        assert!(serde_json::from_str::<ExactAmount>(bad).is_err(), "{bad}");
    }
    let e = serde_json::from_str::<ExactAmount>(r#""""#)
        .unwrap_err()
        .to_string();
    assert!(e.contains("empty") && e.contains("exact::optional"), "{e}");
    let e = serde_json::from_str::<ExactAmount>("null")
        .unwrap_err()
        .to_string();
    assert!(e.contains("expected an exact decimal amount"), "{e}");
    // Plain `Option<ExactAmount>` reads null, but refuses "".
    assert_eq!(
        serde_json::from_str::<Option<ExactAmount>>("null").unwrap(),
        None
    );
    assert!(serde_json::from_str::<Option<ExactAmount>>(r#""""#).is_err());
    let doc = r#"{"amount":"1","rate":"1","total":"1","feePercent":"0","min":"abc"}"#;
    let e = serde_json::from_str::<Quote>(doc).unwrap_err().to_string();
    assert!(e.contains("\"abc\" is not an exact amount"), "{e}");
}

#[derive(Debug, Deserialize, Serialize)]
struct Price {
    rate: ExactAmount,
    amounts: Amounts,
}

#[derive(Debug, Deserialize, Serialize)]
struct Amounts {
    from: ExactAmount,
    to: ExactAmount,
    list: Vec<ExactAmount>,
}

#[test]
fn a_number_inside_a_nested_struct_keeps_all_fifty_digits() {
    let fifty = "0.01566568917988080603730595889918455388111966440334";
    let doc = format!(
        r#"{{"rate":"6.304E-5","amounts":{{"from":100,"to":{fifty},"list":[{fifty},"{fifty}",1e-1000]}}}}"#
    );
    let p: Price = serde_json::from_str(&doc).unwrap();
    assert_eq!(p.amounts.to.as_str(), fifty);
    assert!(p.amounts.to.was_number());
    assert_eq!(p.amounts.to.scale(), 50);
    assert_eq!(p.amounts.list[0], p.amounts.list[1]);
    assert_eq!(serde_json::to_string(&p).unwrap(), doc);
    // Pretty printing writes the same digits.
    let pretty = serde_json::to_string_pretty(&p).unwrap();
    assert!(pretty.contains(&format!("\"to\": {fifty}")), "{pretty}");
    // From a reader (owned raw text) too.
    let p: Price = serde_json::from_reader(doc.as_bytes()).unwrap();
    assert_eq!(serde_json::to_string(&p).unwrap(), doc);
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Untagged {
    A { a: ExactAmount },
}

#[test]
fn buffering_deserializers_take_strings_and_integers_but_refuse_floats() {
    let Untagged::A { a } = serde_json::from_str(r#"{"a": "0.1088"}"#).unwrap();
    assert_eq!(a.as_str(), "0.1088");
    let Untagged::A { a } = serde_json::from_str(r#"{"a": 12}"#).unwrap();
    assert!(a.was_number() && a.as_str() == "12");
    let v: serde_json::Value = serde_json::from_str(r#""12.50""#).unwrap();
    assert_eq!(
        serde_json::from_value::<ExactAmount>(v).unwrap().as_str(),
        "12.50"
    );
    let v = serde_json::json!(-7);
    assert_eq!(
        serde_json::from_value::<ExactAmount>(v).unwrap().as_str(),
        "-7"
    );
    let e = serde_json::from_str::<Untagged>(r#"{"a": 0.1088}"#).unwrap_err();
    assert!(e.to_string().contains("did not match"), "{e}");
    // A Value holds a float as f64 and hands over its own shortest text.
    let v = serde_json::from_value::<ExactAmount>(serde_json::json!(0.5)).unwrap();
    assert!(v.was_number() && v.as_str() == "0.5");
}

#[cfg(feature = "client")]
#[test]
fn the_core_decoder_keeps_every_digit_and_names_the_failing_path() {
    use crate::provider::decode_json;
    let fifty = "16016.00000000000000000000000000000000000000000000000000";
    let p: Price = decode_json(
        format!(r#"{{"rate":{fifty},"amounts":{{"from":"1","to":"2","list":[]}}}}"#).as_bytes(),
    )
    .unwrap();
    assert_eq!(p.rate.as_str(), fifty);
    let e = decode_json::<Price>(
        br#"{"rate":"1","amounts":{"from":"1","to":"2","list":["3", "1e5000"]}}"#,
    )
    .unwrap_err();
    assert_eq!(e.path, "amounts.list[1]");
    assert!(e.message.contains("beyond ±1000"), "{}", e.message);
}
