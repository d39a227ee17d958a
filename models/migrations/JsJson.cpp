#include "JsJson.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

namespace strata {

namespace {

// ECMAScript Number::toString (shortest digits that round-trip, then its own layout rules).
void appendNumber(std::string &out, double value)
{
    if (!std::isfinite(value)) {
        out += "null";  // what JSON.stringify writes for NaN and Infinity
        return;
    }
    if (value == 0) {
        out += '0';  // -0 too
        return;
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string text(buffer, result.ptr);
    if (text[0] == '-') {
        out += '-';
        text.erase(0, 1);
    }
    const auto e = text.find('e');
    std::string digits = text.substr(0, e);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    const int k = int(digits.size());
    const int n = std::stoi(text.substr(e + 1)) + 1;  // the decimal point sits after n digits
    if (k <= n && n <= 21) {
        out += digits + std::string(std::size_t(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, std::size_t(n)) + '.' + digits.substr(std::size_t(n));
    } else if (-6 < n && n <= 0) {
        out += "0." + std::string(std::size_t(-n), '0') + digits;
    } else {
        const int exponent = n - 1;
        out += digits.substr(0, 1);
        if (k > 1)
            out += '.' + digits.substr(1);
        out += exponent < 0 ? "e-" : "e+";
        out += std::to_string(std::abs(exponent));
    }
}

void appendString(std::string &out, const std::string &value)
{
    out += '"';
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char escape[8];
                std::snprintf(escape, sizeof escape, "\\u%04x", c);
                out += escape;
            } else {
                out += ch;  // everything else raw, U+2028 and '/' included, as in JavaScript
            }
        }
    }
    out += '"';
}

void append(std::string &out, const nlohmann::ordered_json &value, int indent, int depth)
{
    const std::string inner(std::size_t(indent * (depth + 1)), ' ');
    const std::string outer(std::size_t(indent * depth), ' ');
    const char *newline = indent > 0 ? "\n" : "";
    switch (value.type()) {
    case nlohmann::ordered_json::value_t::object: {
        if (value.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!first)
                out += ',';
            first = false;
            out += newline;
            out += inner;
            appendString(out, it.key());
            out += indent > 0 ? ": " : ":";
            append(out, it.value(), indent, depth + 1);
        }
        out += newline;
        out += outer;
        out += '}';
        return;
    }
    case nlohmann::ordered_json::value_t::array: {
        if (value.empty()) {
            out += "[]";
            return;
        }
        out += '[';
        bool first = true;
        for (const auto &element : value) {
            if (!first)
                out += ',';
            first = false;
            out += newline;
            out += inner;
            append(out, element, indent, depth + 1);
        }
        out += newline;
        out += outer;
        out += ']';
        return;
    }
    case nlohmann::ordered_json::value_t::string:
        appendString(out, value.get_ref<const std::string &>());
        return;
    case nlohmann::ordered_json::value_t::boolean:
        out += value.get<bool>() ? "true" : "false";
        return;
    case nlohmann::ordered_json::value_t::number_integer:
    case nlohmann::ordered_json::value_t::number_unsigned: {
        // JavaScript holds every number as a double: beyond 2^53 the digits change.
        constexpr double exact = 9007199254740992.0;
        const double asDouble = value.get<double>();
        if (std::fabs(asDouble) < exact)
            out += value.dump();
        else
            appendNumber(out, asDouble);
        return;
    }
    case nlohmann::ordered_json::value_t::number_float:
        appendNumber(out, value.get<double>());
        return;
    case nlohmann::ordered_json::value_t::null:
    case nlohmann::ordered_json::value_t::binary:
    case nlohmann::ordered_json::value_t::discarded:
        out += "null";
        return;
    }
}

} // namespace

QByteArray JsJson::stringify(const nlohmann::ordered_json &value, int indent)
{
    std::string out;
    append(out, value, indent, 0);
    return QByteArray(out.data(), qsizetype(out.size()));
}

} // namespace strata
