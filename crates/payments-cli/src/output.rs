//! Printing JSON exactly: the decoded response is written as compact JSON text by the
//! client (every amount digit for digit), and only re-indented here, never re-parsed into
//! floats.

use payments_core::JsonOutput;

/// The text `payments call` prints for a success: the decoded response, indented; for an
/// operation that answers nothing, `{"status": <code>}` so a script sees what happened.
pub(crate) fn render(out: &JsonOutput) -> String {
    if out.json.trim() == "null" {
        return format!("{{\n  \"status\": {}\n}}", out.status.as_u16());
    }
    indent(&out.json)
}

/// Re-indents compact (or any) JSON text with two spaces, copying every token as it is:
/// numbers keep all their digits and their trailing zeros.
pub(crate) fn indent(json: &str) -> String {
    let mut out = String::with_capacity(json.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = json.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                // Skip white space to see whether the container is empty.
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
                if matches!(chars.peek(), Some('}') | Some(']')) {
                    if let Some(close) = chars.next() {
                        out.push(close);
                    }
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::indent;

    #[test]
    fn indenting_keeps_every_digit_and_string_as_is() {
        let text =
            r#"{"a":0.00128140,"b":[1,-100.50,{}],"c":"x, {y}: \"z\"","d":[],"e":{"f":1e-7}}"#;
        assert_eq!(
            indent(text),
            "{\n  \"a\": 0.00128140,\n  \"b\": [\n    1,\n    -100.50,\n    {}\n  ],\n  \"c\": \"x, {y}: \\\"z\\\"\",\n  \"d\": [],\n  \"e\": {\n    \"f\": 1e-7\n  }\n}"
        );
        assert_eq!(indent("null"), "null");
        assert_eq!(indent("\"s\""), "\"s\"");
    }
}
