//! Sending an export: a workbook from its temp file, CSV as it is written,
//! either as an attachment with a UTF-8 file name (`filename*`), so a
//! Chinese name survives every browser.
use crate::{ApiError, AppState};
use actix_files::NamedFile;
use actix_web::http::header::{
    Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
};
use actix_web::{mime, web, HttpRequest, HttpResponse};
use xhs_app::exports::Export;
use xhs_domain::ExportFormat;

/// The media type of an .xlsx workbook.
pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn disposition(name: &str, format: ExportFormat) -> ContentDisposition {
    ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            // For the rare client that ignores `filename*`.
            DispositionParam::Filename(format!("export.{}", format.as_str())),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".to_owned()),
                language_tag: None,
                value: name.as_bytes().to_vec(),
            }),
        ],
    }
}

/// Answers with the export: the workbook once written, CSV a page at a
/// time (its first bytes leave before the database is read).
pub(crate) async fn send(
    req: &HttpRequest,
    state: web::Data<AppState>,
    export: Export,
) -> Result<HttpResponse, ApiError> {
    let cd = disposition(&export.file_name, export.format);
    match export.format {
        ExportFormat::Xlsx => {
            let file = export.into_xlsx(&state.app).await?;
            let mime: mime::Mime = XLSX.parse().map_err(ApiError::internal)?;
            let named = NamedFile::from_file(file, "export.xlsx")
                .map_err(ApiError::internal)?
                .set_content_type(mime)
                .set_content_disposition(cd)
                .use_etag(false)
                .use_last_modified(false);
            Ok(named.into_response(req))
        }
        ExportFormat::Csv => Ok(HttpResponse::Ok()
            .content_type(mime::TEXT_CSV_UTF_8)
            .insert_header(cd)
            .streaming(csv_stream(state, export))),
    }
}

/// The CSV body. A failure after the first bytes cannot change the status:
/// it is logged and the body ends early, so the download fails visibly.
fn csv_stream(
    state: web::Data<AppState>,
    export: Export,
) -> impl futures_util::Stream<Item = Result<web::Bytes, std::io::Error>> {
    futures_util::stream::unfold(Some((state, export)), |next| async move {
        let (state, mut export) = next?;
        match export.next_csv(&state.app).await {
            Ok(Some(bytes)) => Some((Ok(web::Bytes::from(bytes)), Some((state, export)))),
            Ok(None) => None,
            Err(e) => {
                tracing::error!(error = %e, file = %export.file_name, "export failed while streaming");
                Some((Err(std::io::Error::other("export failed")), None))
            }
        }
    })
}
