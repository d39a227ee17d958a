#include "JsJson.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace strata {

namespace {

using Json = JsJson::Json;

// JavaScript enumerates "array index" keys (canonical integers below 2^32 - 1) first.
bool isArrayIndex(const std::string &key, std::uint32_t *index)
{
    if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0'))
        return false;
    std::uint64_t value = 0;
    for (const char ch : key) {
        if (ch < '0' || ch > '9')
            return false;
        value = value * 10 + std::uint64_t(ch - '0');
    }
    if (value >= 4294967295ULL)
        return false;
    *index = std::uint32_t(value);
    return true;
}

std::vector<Json::const_iterator> members(const Json &object, JsJson::KeyOrder order)
{
    std::vector<Json::const_iterator> ordered;
    ordered.reserve(object.size());
    if (order == JsJson::KeyOrder::Stored) {
        for (auto it = object.begin(); it != object.end(); ++it)
            ordered.push_back(it);
        return ordered;
    }
    std::vector<std::pair<std::uint32_t, Json::const_iterator>> indexed;
    std::vector<Json::const_iterator> named;
    for (auto it = object.begin(); it != object.end(); ++it) {
        std::uint32_t index = 0;
        if (isArrayIndex(it.key(), &index))
            indexed.emplace_back(index, it);
        else
            named.push_back(it);
    }
    std::stable_sort(indexed.begin(), indexed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[index, it] : indexed)
        ordered.push_back(it);
    ordered.insert(ordered.end(), named.begin(), named.end());
    return ordered;
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

void append(std::string &out, const Json &value, int indent, JsJson::KeyOrder order, int depth)
{
    const std::string inner(std::size_t(indent * (depth + 1)), ' ');
    const std::string outer(std::size_t(indent * depth), ' ');
    const char *newline = indent > 0 ? "\n" : "";
    switch (value.type()) {
    case Json::value_t::object: {
        if (value.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (const auto &it : members(value, order)) {
            if (!first)
                out += ',';
            first = false;
            out += newline;
            out += inner;
            appendString(out, it.key());
            out += indent > 0 ? ": " : ":";
            append(out, it.value(), indent, order, depth + 1);
        }
        out += newline;
        out += outer;
        out += '}';
        return;
    }
    case Json::value_t::array: {
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
            append(out, element, indent, order, depth + 1);
        }
        out += newline;
        out += outer;
        out += ']';
        return;
    }
    case Json::value_t::string:
        appendString(out, value.get_ref<const std::string &>());
        return;
    case Json::value_t::boolean:
        out += value.get<bool>() ? "true" : "false";
        return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: {
        // JavaScript holds every number as a double: beyond 2^53 the digits change.
        constexpr double exact = 9007199254740992.0;
        const double asDouble = value.get<double>();
        if (std::fabs(asDouble) < exact)
            out += value.dump();
        else
            out += JsJson::number(asDouble);
        return;
    }
    case Json::value_t::number_float:
        out += JsJson::number(value.get<double>());
        return;
    case Json::value_t::null:
    case Json::value_t::binary:
    case Json::value_t::discarded:
        out += "null";
        return;
    }
}

} // namespace

QByteArray JsJson::stringify(const Json &value, int indent, KeyOrder order)
{
    std::string out;
    append(out, value, indent, order, 0);
    return QByteArray(out.data(), qsizetype(out.size()));
}

std::string JsJson::number(double value)
{
    if (!std::isfinite(value))
        return "null";  // what JSON.stringify writes for NaN and Infinity
    if (value == 0)
        return "0";  // -0 too
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string text(buffer, result.ptr);
    std::string out;
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
    return out;
}

} // namespace strata
