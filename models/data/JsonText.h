#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace strata {

// JSON written and re-indented as text, so that numbers keep every digit and objects keep
// their key order (QJsonDocument turns numbers into doubles and sorts keys).
namespace JsonText {

// `text` as a JSON string literal: "…" with ", \ and control characters escaped.
QString string(QStringView text);
// `json` re-indented by `indent` spaces per level, each line after the first prefixed with
// `margin`; nullopt when it is not one valid JSON value (RFC 8259).
std::optional<QString> pretty(QStringView json, int indent = 2, const QString &margin = {});
// Whether `text` is a JSON number as RFC 8259 spells one (no NaN, no leading +, no "1.").
bool isNumber(QStringView text);

} // namespace JsonText

} // namespace strata
