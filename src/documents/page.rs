//! The print-ready HTML page of a letter: the company header from the settings, the body converted
//! from Markdown, and A4 print CSS. Raw HTML in the Markdown is shown as text, never passed through.

use pulldown_cmark::{Event, Options, Parser, html};

use super::context::CompanyView;
use crate::i18n::I18n;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Markdown to an HTML fragment; HTML written inside the Markdown stays visible text.
pub fn markdown_to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES).map(|e| match e {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, parser);
    out
}

const STYLE: &str = "@page { size: A4; margin: 20mm 20mm 22mm 25mm; }
body { font-family: 'DejaVu Sans', Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45;
       color: #111; max-width: 170mm; margin: 0 auto; }
header { display: flex; justify-content: space-between; align-items: flex-start;
         border-bottom: 1.5pt solid #333; padding-bottom: 4mm; margin-bottom: 10mm; }
header .logo { font-size: 16pt; font-weight: bold; letter-spacing: 0.5pt; }
header .company { text-align: right; font-size: 9pt; color: #333; }
h1 { font-size: 14pt; margin: 8mm 0 4mm; } h2 { font-size: 11.5pt; margin: 6mm 0 2mm; }
table { border-collapse: collapse; margin: 3mm 0; } thead th:empty { border: none; padding: 0; } td, th { border: 0.5pt solid #999; padding: 1.5mm 3mm; text-align: left; }
p, li, tr { page-break-inside: avoid; }
@media screen { body { margin: 15mm auto; } }";

/// A complete HTML page for one letter.
pub fn page(title: &str, i: &I18n, company: &CompanyView, body_markdown: &str) -> String {
    let lang = i.lang.code();
    let logo = if company.logo_text.is_empty() {
        &company.name
    } else {
        &company.logo_text
    };
    let mut details = vec![format!("<strong>{}</strong>", escape(&company.name))];
    if !company.address.is_empty() {
        details.push(escape(&company.address));
    }
    if !company.company_number.is_empty() {
        details.push(format!(
            "{} {}",
            escape(&i.t("doc.company_number")),
            escape(&company.company_number)
        ));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <style>\n{STYLE}\n</style>\n</head>\n<body>\n<header><div class=\"logo\">{logo}</div>\
         <div class=\"company\">{details}</div></header>\n<main>\n{body}</main>\n</body>\n</html>\n",
        lang = escape(lang),
        title = escape(title),
        logo = escape(logo),
        details = details.join("<br>"),
        body = markdown_to_html(body_markdown),
    )
}

/// The heading block of the Markdown file (the HTML page draws its own).
pub fn markdown_header(i: &I18n, company: &CompanyView) -> String {
    let mut lines = vec![format!("**{}**", company.name)];
    if !company.address.is_empty() {
        lines.push(company.address.clone());
    }
    if !company.company_number.is_empty() {
        lines.push(format!(
            "{} {}",
            i.t("doc.company_number"),
            company.company_number
        ));
    }
    format!("{}\n\n---\n\n", lines.join("  \n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn company() -> CompanyView {
        CompanyView {
            name: "Demo <Metaal> NV".into(),
            address: "Nijverheidskaai 12, 9040 Gent".into(),
            company_number: "0566.988.259".into(),
            joint_committees: String::new(),
            logo_text: String::new(),
            signatory_name: String::new(),
            signatory_title: String::new(),
            social_secretariat: String::new(),
            city: "Gent".into(),
        }
    }

    #[test]
    fn the_page_is_a4_with_the_company_header_and_escapes_html() {
        let i = I18n::new(crate::i18n::Lang::Nl);
        let p = page(
            "Brief",
            &i,
            &company(),
            "# Titel\n\nTekst <script>x</script>\n",
        );
        assert!(p.contains("@page { size: A4"));
        assert!(p.contains("Demo &lt;Metaal&gt; NV"));
        assert!(p.contains("Ondernemingsnummer 0566.988.259"));
        assert!(p.contains("<h1>Titel</h1>"));
        assert!(markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n").contains("<td>1</td>"));
        assert!(!p.contains("<script>"));
    }
}
