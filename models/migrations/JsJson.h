#pragma once

// Internal to strata_models: nlohmann/json is a private dependency, so only .cpp files of
// this library include this header.

#include <QByteArray>

#include <nlohmann/json.hpp>

#include <string>

namespace strata {

// JavaScript's JSON.stringify(value, null, indent) for an nlohmann ordered document: the
// bytes drizzle-kit writes for the same value (escapes, number forms, "{}", key order).
class JsJson
{
public:
    using Json = nlohmann::ordered_json;

    // The order an object's members are written in. For a document that JavaScript wrote
    // (a journal drizzle-kit made) both give the same bytes.
    enum class KeyOrder {
        Stored,      // as the document holds them
        JavaScript,  // integer-like keys first, ascending, then the rest as stored
    };

    static QByteArray stringify(const Json &value, int indent, KeyOrder order = KeyOrder::Stored);
    // ECMAScript Number::toString: the shortest digits that round-trip, laid out as
    // JavaScript prints them ("1e+21", "0.000001", "1e-7").
    static std::string number(double value);
};

} // namespace strata
