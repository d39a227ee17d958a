#include "SqlRenames.h"

#include "ParseNodes.h"
#include "ParseTree.h"
#include "text/StatementSplitter.h"

namespace strata {

using namespace lint;
using Name = RenameDecisions::Name;
using Rename = RenameDecisions::Rename;

namespace {

class Collector
{
public:
    explicit Collector(const QString &defaultSchema) : m_defaultSchema(defaultSchema) {}

    void statement(const QString &type, const Json &node)
    {
        if (type == QLatin1String("RenameStmt"))
            rename(node);
        else if (type == QLatin1String("AlterObjectSchemaStmt"))
            move(node);
    }

    // Columns and policies were recorded under their table's name at the time; the decisions
    // want the table as it is in `to`.
    RenameDecisions finish()
    {
        for (QList<Rename> *list : {&m_result.columns, &m_result.policies}) {
            for (Rename &rename : *list) {
                const Name table = finalTable(rename.to.schema, rename.to.table);
                rename.from.schema = rename.to.schema = table.schema;
                rename.from.table = rename.to.table = table.name;
            }
        }
        return m_result;
    }

private:
    Name relation(const Json &node) const
    {
        const Json *rangeVar = member(node, "relation");
        if (!rangeVar)
            return {};
        const QString schema = text(*rangeVar, "schemaname");
        return Name{schema.isEmpty() ? m_defaultSchema : schema, QString(), text(*rangeVar, "relname")};
    }

    // ALTER TYPE's object: a list of names, [schema,] name.
    Name typeName(const Json &node) const
    {
        const Json *object = member(node, "object");
        const QStringList parts = object ? names(*object) : QStringList();
        if (parts.isEmpty())
            return {};
        return Name{parts.size() >= 2 ? parts.at(parts.size() - 2) : m_defaultSchema, QString(), parts.last()};
    }

    QList<Rename> *objectList(const QString &objectType)
    {
        if (objectType == QLatin1String("OBJECT_TABLE") || objectType == QLatin1String("OBJECT_FOREIGN_TABLE"))
            return &m_result.tables;
        if (objectType == QLatin1String("OBJECT_TYPE"))
            return &m_result.enums;
        if (objectType == QLatin1String("OBJECT_SEQUENCE"))
            return &m_result.sequences;
        if (objectType == QLatin1String("OBJECT_VIEW") || objectType == QLatin1String("OBJECT_MATVIEW"))
            return &m_result.views;
        return nullptr;
    }

    // One object renamed or moved (from -> to): joined onto an earlier decision for the same
    // object, so that a rename and a move of one table stay one decision.
    void record(QList<Rename> *list, const Name &from, const Name &to)
    {
        for (Rename &earlier : *list) {
            if (earlier.to == from) {
                earlier.to = to;
                return;
            }
        }
        *list << Rename{from, to};
    }

    void rename(const Json &node)
    {
        const QString kind = text(node, "renameType");
        const QString newName = text(node, "newname");
        const QString subname = text(node, "subname");
        if (kind == QLatin1String("OBJECT_SCHEMA")) {
            record(&m_result.schemas, Name{QString(), QString(), subname}, Name{QString(), QString(), newName});
            renameSchema(subname, newName);
        } else if (kind == QLatin1String("OBJECT_ROLE")) {
            record(&m_result.roles, Name{QString(), QString(), subname}, Name{QString(), QString(), newName});
        } else if (kind == QLatin1String("OBJECT_COLUMN") || kind == QLatin1String("OBJECT_POLICY")) {
            const Name table = relation(node);
            const Name from{table.schema, table.name, subname};
            record(kind == QLatin1String("OBJECT_COLUMN") ? &m_result.columns : &m_result.policies, from,
                   Name{table.schema, table.name, newName});
        } else if (QList<Rename> *list = objectList(kind)) {
            const Name from = kind == QLatin1String("OBJECT_TYPE") ? typeName(node) : relation(node);
            if (from.name.isEmpty())
                return;
            record(list, from, Name{from.schema, QString(), newName});
            if (list == &m_result.tables)
                m_tableMoves << Rename{from, Name{from.schema, QString(), newName}};
        }
    }

    void move(const Json &node)
    {
        const QString kind = text(node, "objectType");
        QList<Rename> *list = objectList(kind);
        if (!list)
            return;
        const Name from = kind == QLatin1String("OBJECT_TYPE") ? typeName(node) : relation(node);
        if (from.name.isEmpty())
            return;
        const Name to{text(node, "newschema"), QString(), from.name};
        record(list, from, to);
        if (list == &m_result.tables)
            m_tableMoves << Rename{from, to};
    }

    // Everything already recorded in the renamed schema now lives in the new one.
    void renameSchema(const QString &from, const QString &to)
    {
        for (QList<Rename> *list : {&m_result.tables, &m_result.enums, &m_result.sequences, &m_result.views,
                                    &m_result.columns, &m_result.policies}) {
            for (Rename &rename : *list) {
                if (rename.to.schema == from)
                    rename.to.schema = to;
            }
        }
        for (Rename &move : m_tableMoves) {
            if (move.to.schema == from)
                move.to.schema = to;
        }
    }

    Name finalTable(const QString &schema, const QString &table) const
    {
        Name current{schema, QString(), table};
        for (const Rename &move : m_tableMoves) {
            if (move.from.schema == current.schema && move.from.name == current.name)
                current = Name{move.to.schema, QString(), move.to.name};
        }
        return current;
    }

    QString m_defaultSchema;
    RenameDecisions m_result;
    QList<Rename> m_tableMoves;     // every table rename or move, in text order
};

} // namespace

RenameDecisions SqlRenames::fromSql(const QString &sql, const QString &defaultSchema)
{
    Collector collector(defaultSchema);
    const SqlScript script = StatementSplitter::split(sql);
    for (const StatementPiece &piece : script.pieces) {
        for (const SqlStatement &statement : piece.statements) {
            const ParsedStatement parsed = ParsedStatement::parse(statement.text);
            if (!parsed.isValid())
                continue;
            const Json *fields = as(parsed.data()->stmt, qPrintable(parsed.nodeType()));
            if (fields)
                collector.statement(parsed.nodeType(), *fields);
        }
    }
    return collector.finish();
}

} // namespace strata
