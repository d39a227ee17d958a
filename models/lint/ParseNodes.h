#pragma once

// The lint's own view of libpg_query's JSON parse tree. Not a public header: only files in
// lint/ include it, so nlohmann/json (a private dependency of strata_models) stays inside.
//
// Shape of the JSON (pg_query_parse, PostgreSQL 15): a node is an object with one member
// named after its type, {"AlterTableStmt": {…fields…}}; some fields hold a node's fields
// directly without that wrapper (RangeVar in "relation", TypeName in "typeName"). Fields at
// their default value (false, 0, empty list, NULL) are left out. "location" fields are byte
// offsets into the parsed text's UTF-8, or absent (the parser's -1).

#include "ParseTree.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace strata {

struct ParsedStatement::Data {
    QString text;
    nlohmann::json stmt;  // the RawStmt's "stmt": {"<NodeType>": {…}}
    QString nodeType;
    QString error;
    int errorPosition = 0;
    bool valid = false;
};

namespace lint {

using Json = nlohmann::json;

// The member `name` of object `node`, or nullptr.
inline const Json *member(const Json &node, const char *name)
{
    if (!node.is_object())
        return nullptr;
    const auto it = node.find(name);
    return it == node.end() ? nullptr : &*it;
}

inline QString text(const Json &node, const char *name)
{
    const Json *value = member(node, name);
    return value && value->is_string() ? QString::fromStdString(value->get<std::string>()) : QString();
}

inline bool flag(const Json &node, const char *name)
{
    const Json *value = member(node, name);
    return value && value->is_boolean() && value->get<bool>();
}

inline int integer(const Json &node, const char *name, int fallback = 0)
{
    const Json *value = member(node, name);
    return value && value->is_number_integer() ? value->get<int>() : fallback;
}

// The byte offset in a node's "location", or -1.
inline int location(const Json &node)
{
    return integer(node, "location", -1);
}

// The fields of a wrapped node of type `type` ({"type": {…}}), or nullptr.
inline const Json *as(const Json &node, const char *type)
{
    const Json *body = member(node, type);
    return body && body->is_object() ? body : nullptr;
}

// The type of a wrapped node: its only member's name.
inline QString typeOf(const Json &node)
{
    if (!node.is_object() || node.size() != 1)
        return QString();
    return QString::fromStdString(node.begin().key());
}

// The elements of a list field; an absent field is an empty list.
inline const Json &list(const Json &node, const char *name)
{
    static const Json empty = Json::array();
    const Json *value = member(node, name);
    return value && value->is_array() ? *value : empty;
}

// A list of String nodes ([{"String": {"sval": "public"}}, …]) as plain strings; a
// {"List": {"items": […]}} wrapper (DropStmt's objects) is unwrapped.
inline QStringList names(const Json &nodes)
{
    QStringList result;
    const Json *items = &nodes;
    if (const Json *wrapped = as(nodes, "List"))
        items = &list(*wrapped, "items");
    if (!items->is_array())
        return result;
    for (const Json &item : *items) {
        if (const Json *string = as(item, "String"))
            result.append(text(*string, "sval"));
    }
    return result;
}

// The string of an A_Const string literal ({"A_Const": {"sval": {"sval": "x"}}}); `ok` says
// whether `node` is one.
inline QString stringConstant(const Json &node, bool *ok = nullptr)
{
    const Json *constant = as(node, "A_Const");
    const Json *sval = constant ? member(*constant, "sval") : nullptr;
    if (ok)
        *ok = sval != nullptr;
    return sval ? text(*sval, "sval") : QString();
}

// Calls visit(type, fields) for every wrapped node under `node` (not `node` itself when it is
// bare fields), parents before children. Node types start with a capital letter; field names
// never do, which is how the two are told apart.
template<typename Visit>
void walk(const Json &node, Visit &&visit)
{
    if (node.is_array()) {
        for (const Json &item : node)
            walk(item, visit);
        return;
    }
    if (!node.is_object())
        return;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string &key = it.key();
        if (!key.empty() && key[0] >= 'A' && key[0] <= 'Z' && it->is_object())
            visit(QString::fromStdString(key), *it);
        walk(*it, visit);
    }
}

} // namespace lint
} // namespace strata
