#pragma once

// Internal to strata_models: nlohmann/json is a private dependency, so only .cpp files of
// this library include this header.

#include <QByteArray>

#include <nlohmann/json.hpp>

namespace strata {

// JavaScript's JSON.stringify(value, null, indent) for an nlohmann ordered document: the
// bytes drizzle-kit writes for the same value (key order, escapes, number forms, "{}").
class JsJson
{
public:
    static QByteArray stringify(const nlohmann::ordered_json &value, int indent);
};

} // namespace strata
