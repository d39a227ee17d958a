#pragma once

#include <QString>

#include <memory>

namespace strata {

// One SQL statement read by PostgreSQL's own parser (libpg_query, PostgreSQL 15 grammar).
// Cheap to copy (shared, immutable). The tree itself is for the lint's own files
// (lint/ParseNodes.h), so that nlohmann/json stays out of this header.
class ParsedStatement
{
public:
    struct Data;

    ParsedStatement();

    // `sql` holds one statement (a trailing ';' and comments are fine).
    static ParsedStatement parse(const QString &sql);

    bool isValid() const;         // parsed, and exactly one statement
    QString text() const;         // what was parsed
    QString nodeType() const;     // the statement's node: "AlterTableStmt", "IndexStmt", …; empty when invalid
    QString errorMessage() const; // libpg_query's message when it did not parse; empty when valid
    int errorPosition() const;    // 1-based, in characters of text(); 0 when the parser gave none

    const Data *data() const { return d.get(); }

private:
    std::shared_ptr<const Data> d;
};

} // namespace strata
