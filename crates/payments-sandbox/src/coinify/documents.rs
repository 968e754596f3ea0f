//! `POST /partners/{partnerId}/kyc/{reviewId}/documents`.

use super::*;

pub(crate) fn required_header<'a>(headers: &'a HeaderMap, name: &str) -> Result<&'a str, ApiError> {
    match headers.get(name).map(|v| v.to_str()) {
        Some(Ok(v)) if !v.trim().is_empty() => Ok(v.trim()),
        Some(Ok(_)) => Err(invalid(format!("{name}: empty"))),
        Some(Err(_)) => Err(invalid(format!("{name}: not visible ASCII"))),
        None => Err(invalid(format!("{name}: required header missing"))),
    }
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    digest::sha256_hex(&[bytes])
}

pub(crate) async fn upload_document(
    State(sandbox): State<Sandbox>,
    path: Result<Path<(String, String)>, PathRejection>,
    Extension(Claims(claims)): Extension<Claims>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let Path((_, review_id)) = path.map_err(path_failed)?;
    let content_type = required_header(&headers, "content-type")?;
    let filename = required_header(&headers, "x-upload-filename")?;
    let document_type = required_header(&headers, "x-upload-document-type")?;
    let external_id = required_header(&headers, "x-upload-external-id")?;
    if filename.chars().count() > MAX_TEXT_LEN || external_id.chars().count() > MAX_TEXT_LEN {
        return Err(invalid(format!(
            "X-Upload-Filename and X-Upload-External-Id: at most {MAX_TEXT_LEN} characters"
        )));
    }
    if claims.get("reviewId").and_then(Value::as_str) != Some(review_id.as_str()) {
        return Err(
            unauthorized("authentication failed: the JWT's reviewId is not the path's")
                .because(claim_mismatch(&claims, "reviewId", "the path's review id")),
        );
    }
    if claims.get("externalId").and_then(Value::as_str) != Some(external_id) {
        return Err(unauthorized(
            "authentication failed: the JWT's externalId is not X-Upload-External-Id",
        )
        .because(claim_mismatch(
            &claims,
            "externalId",
            "the X-Upload-External-Id header",
        )));
    }
    if !sandbox.lock().coinify.by_id.contains_key(&review_id) {
        return Err(not_found("no KYC review with this id"));
    }
    let media_type = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if !DOCUMENT_CONTENT_TYPES.contains(&media_type.as_str()) {
        return Err(invalid(format!(
            "Content-Type: expected one of {}",
            DOCUMENT_CONTENT_TYPES.join(", ")
        )));
    }
    if !DOCUMENT_TYPES.contains(&document_type) {
        return Err(invalid(format!(
            "X-Upload-Document-Type: expected one of {}",
            DOCUMENT_TYPES.join(", ")
        )));
    }
    let body = body.map_err(|_| document_too_large())?;
    if body.is_empty() {
        return Err(invalid("body: the document is empty"));
    }
    if body.len() > MAX_DOCUMENT_BYTES {
        return Err(document_too_large());
    }
    let sha256 = sha256_hex(&body);

    let mut state = sandbox.lock();
    let cf = &mut state.coinify;
    let review = cf
        .by_id
        .get(&review_id)
        .and_then(|&i| cf.reviews.get_mut(i))
        .ok_or_else(|| not_found("no KYC review with this id"))?;
    if let Some(doc) = review
        .documents
        .iter()
        .find(|d| d.external_id == external_id)
    {
        return if doc.sha256 == sha256 && doc.document_type == document_type {
            Ok(json_response(
                StatusCode::OK,
                &Created {
                    id: &doc.id,
                    external_id: &doc.external_id,
                },
            ))
        } else {
            Err(invalid(
                "X-Upload-External-Id: already used for another document of this review",
            ))
        };
    }
    let id = cf.document_ids.next_uuid();
    review.documents.push(KycDocument {
        id: id.clone(),
        external_id: external_id.to_owned(),
        document_type: document_type.to_owned(),
        filename: filename.to_owned(),
        content_type: media_type,
        size: body.len(),
        sha256,
    });
    Ok(json_response(
        StatusCode::CREATED,
        &Created {
            id: &id,
            external_id,
        },
    ))
}
