#include "SnapshotReaderParts.h"

#include "SnapshotTypes.h"
#include "SnapshotWriter.h"
#include "Tr.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>

namespace strata {

using namespace SnapshotReaderParts;

namespace {

// A scalar option value ("with" of indexes) as the text PostgreSQL keeps in reloptions.
QString optionText(const Json &value)
{
    if (value.is_string())
        return qs(value.get<std::string>());
    return qs(SnapshotWriter::compact(value));
}

// "schema"."table" as drizzle writes a policy's "on": no quotes are doubled there.
bool splitQualified(const QString &text, QString *schema, QString *table)
{
    static const QRegularExpression qualified(QStringLiteral("^\"(.*)\"\\.\"(.*)\"$"));
    const QRegularExpressionMatch match = qualified.match(text);
    if (!match.hasMatch())
        return false;
    *schema = match.captured(1);
    *table = match.captured(2);
    return true;
}

} // namespace

// Versions 5, 6 and 7 (drizzle-kit 0.x): tables keyed "schema.name", each holding its
// columns, keys, indexes and policies.

bool SnapshotReader::readV7(const Json &root, int version, Snapshot *snapshot)
{
    const Path rootPath;
    if (version == 7) {
        if (!allowKeys(root, rootPath, {"id", "prevId", "version", "dialect", "tables", "enums", "schemas",
                                        "sequences", "roles", "policies", "views", "_meta", "internal"}))
            return false;
    } else if (!allowKeys(root, rootPath, {"id", "prevId", "version", "dialect", "tables", "enums", "schemas",
                                           "_meta", "internal"})) {
        return false;
    }
    const QString expectedDialect = version == 5 ? QStringLiteral("pg") : QStringLiteral("postgresql");
    if (!string(root, rootPath, "dialect", &snapshot->dialect))
        return false;
    if (snapshot->dialect != expectedDialect)
        return fail(child(rootPath, "dialect"),
                    Tr::tr("Dialect \"%1\": a PostgreSQL snapshot of version %2 says \"%3\"; "
                           "Strata reads PostgreSQL snapshots only.")
                        .arg(snapshot->dialect)
                        .arg(version)
                        .arg(expectedDialect));
    QString prevId;
    if (!string(root, rootPath, "id", &snapshot->id) || !string(root, rootPath, "prevId", &prevId))
        return false;
    snapshot->prevIds = {prevId};

    // --custom writes zod's order: views before sequences.
    static const std::vector<std::string> validated{"id", "prevId", "version", "dialect", "tables", "enums",
                                                   "schemas", "views", "sequences", "roles", "policies", "_meta"};
    std::vector<std::string> keys;
    for (auto it = root.begin(); it != root.end(); ++it)
        keys.push_back(it.key());
    snapshot->keyOrder = keys == validated ? Snapshot::KeyOrder::Validated : Snapshot::KeyOrder::Generated;

    Schema &schema = snapshot->schema;
    const Json *tables = nullptr;
    const Json *enums = nullptr;
    const Json *schemas = nullptr;
    if (!object(root, rootPath, "tables", &tables) || !object(root, rootPath, "enums", &enums)
        || !object(root, rootPath, "schemas", &schemas))
        return false;

    const Path tablesPath = child(rootPath, "tables");
    for (auto it = tables->begin(); it != tables->end(); ++it) {
        Table table;
        if (!readTable(it.value(), child(tablesPath, it.key()), version, &table))
            return false;
        schema.tables.append(std::move(table));
    }

    const Path enumsPath = child(rootPath, "enums");
    for (auto it = enums->begin(); it != enums->end(); ++it) {
        const Path path = child(enumsPath, it.key());
        const Json &value = it.value();
        if (!expectObject(value, path))
            return false;
        Enum item;
        if (version == 5) {
            // {name, values: {"A": "A", …}}, always in public.
            const Json *values = nullptr;
            if (!allowKeys(value, path, {"name", "values"}) || !string(value, path, "name", &item.name)
                || !object(value, path, "values", &values))
                return false;
            item.schema = QStringLiteral("public");
            for (auto valueIt = values->begin(); valueIt != values->end(); ++valueIt) {
                if (!valueIt->is_string())
                    return fail(child(child(path, "values"), valueIt.key()), wrongType(Tr::tr("a string"), *valueIt));
                item.values.append(qs(valueIt->get<std::string>()));
            }
        } else if (!allowKeys(value, path, {"name", "schema", "values"}) || !string(value, path, "name", &item.name)
                   || !string(value, path, "schema", &item.schema) || !stringList(value, path, "values", &item.values)) {
            return false;
        }
        schema.enums.append(std::move(item));
    }

    const Path schemasPath = child(rootPath, "schemas");
    for (auto it = schemas->begin(); it != schemas->end(); ++it) {
        if (!it->is_string())
            return fail(child(schemasPath, it.key()), wrongType(Tr::tr("a string"), *it));
        schema.schemas.append(qs(it->get<std::string>()));
    }

    const Json *meta = nullptr;
    const Json *internal = nullptr;
    if (!object(root, rootPath, "_meta", &meta, false) || !object(root, rootPath, "internal", &internal, false))
        return false;
    if (version < 7)
        return true;

    const Json *sequences = nullptr;
    const Json *roles = nullptr;
    const Json *policies = nullptr;
    const Json *views = nullptr;
    if (!object(root, rootPath, "sequences", &sequences, false) || !object(root, rootPath, "roles", &roles, false)
        || !object(root, rootPath, "policies", &policies, false) || !object(root, rootPath, "views", &views, false))
        return false;
    if (sequences) {
        const Path path = child(rootPath, "sequences");
        for (auto it = sequences->begin(); it != sequences->end(); ++it) {
            Sequence sequence;
            if (!readSequence(it.value(), child(path, it.key()), &sequence))
                return false;
            schema.sequences.append(std::move(sequence));
        }
    }
    if (roles) {
        const Path rolesPath = child(rootPath, "roles");
        for (auto it = roles->begin(); it != roles->end(); ++it) {
            const Path path = child(rolesPath, it.key());
            Role role;
            if (!expectObject(it.value(), path) || !allowKeys(it.value(), path, {"name", "createDb", "createRole", "inherit"})
                || !string(it.value(), path, "name", &role.name)
                || !boolean(it.value(), path, "createDb", &role.createDb, false)
                || !boolean(it.value(), path, "createRole", &role.createRole, false)
                || !boolean(it.value(), path, "inherit", &role.inherit, false))
                return false;
            schema.roles.append(std::move(role));
        }
    }
    if (policies) {
        const Path policiesPath = child(rootPath, "policies");
        for (auto it = policies->begin(); it != policies->end(); ++it) {
            const Path path = child(policiesPath, it.key());
            LinkedPolicy linked;
            if (!readPolicy(it.value(), path, &linked.policy))
                return false;
            QString on;
            bool hasOn = false;
            if (!string(it.value(), path, "schema", &linked.tableSchema, false)
                || !string(it.value(), path, "on", &on, true, &hasOn))
                return false;
            if (!splitQualified(on, &linked.tableSchema, &linked.table))
                return fail(child(path, "on"),
                            Tr::tr("Expected a quoted table name like \"public\".\"users\", found %1.").arg(on));
            schema.linkedPolicies.append(std::move(linked));
        }
    }
    if (views) {
        const Path viewsPath = child(rootPath, "views");
        for (auto it = views->begin(); it != views->end(); ++it) {
            View view;
            if (!readView(it.value(), child(viewsPath, it.key()), &view))
                return false;
            schema.views.append(std::move(view));
        }
    }
    return true;
}

bool SnapshotReader::readTable(const Json &value, const Path &path, int version, Table *table)
{
    if (!expectObject(value, path))
        return false;
    if (version == 7) {
        if (!allowKeys(value, path, {"name", "schema", "columns", "indexes", "foreignKeys", "compositePrimaryKeys",
                                     "uniqueConstraints", "policies", "checkConstraints", "isRLSEnabled"}))
            return false;
    } else if (!allowKeys(value, path, {"name", "schema", "columns", "indexes", "foreignKeys", "compositePrimaryKeys",
                                        "uniqueConstraints"})) {
        return false;
    }
    QString schema;
    const Json *columns = nullptr;
    const Json *indexes = nullptr;
    const Json *foreignKeys = nullptr;
    const Json *primaryKeys = nullptr;
    const Json *uniques = nullptr;
    const Json *policies = nullptr;
    const Json *checks = nullptr;
    if (!string(value, path, "name", &table->name) || !string(value, path, "schema", &schema)
        || !object(value, path, "columns", &columns) || !object(value, path, "indexes", &indexes)
        || !object(value, path, "foreignKeys", &foreignKeys)
        || !object(value, path, "compositePrimaryKeys", &primaryKeys)
        || !object(value, path, "uniqueConstraints", &uniques, false)
        || !object(value, path, "policies", &policies, false)
        || !object(value, path, "checkConstraints", &checks, false)
        || !boolean(value, path, "isRLSEnabled", &table->rlsEnabled, false))
        return false;
    table->schema = schema.isEmpty() ? QStringLiteral("public") : schema;

    QStringList flagged;  // columns with "primaryKey": true
    QList<UniqueConstraint> columnUniques;
    const Path columnsPath = child(path, "columns");
    for (auto it = columns->begin(); it != columns->end(); ++it) {
        ColumnRead read;
        if (!readColumn(it.value(), child(columnsPath, it.key()), table->schema, table->name, &read))
            return false;
        if (read.primaryKey)
            flagged.append(read.column.name);
        if (read.unique)
            columnUniques.append(*read.unique);
        table->columns.append(std::move(read.column));
    }

    const Path primaryKeysPath = child(path, "compositePrimaryKeys");
    for (auto it = primaryKeys->begin(); it != primaryKeys->end(); ++it) {
        const Path keyPath = child(primaryKeysPath, it.key());
        PrimaryKey key;
        if (!expectObject(it.value(), keyPath) || !allowKeys(it.value(), keyPath, {"name", "columns"})
            || !string(it.value(), keyPath, "name", &key.name) || !stringList(it.value(), keyPath, "columns", &key.columns))
            return false;
        if (table->primaryKey)
            return fail(keyPath, Tr::tr("A second primary key: a table has at most one."));
        table->primaryKey = key;
    }
    // A composite key wins over column flags (drizzle keeps a flag that the database never
    // got when a key is added later); several flags make no valid key at all. Either way
    // the flags stay in the spelling, so that the file is written back as it was.
    if (!table->primaryKey && flagged.size() == 1) {
        table->primaryKey = PrimaryKey{SnapshotTypes::primaryKeyName(table->name), flagged};
    } else {
        for (Column &column : table->columns)
            column.snapshotSpelling.primaryKey = flagged.contains(column.name);
    }
    if (table->primaryKey && !table->hasColumnKey()) {
        for (Column &column : table->columns) {
            if (!table->primaryKey->columns.contains(column.name))
                continue;
            column.snapshotSpelling.notNullInKey = column.notNull;
            column.notNull = true;  // PostgreSQL makes key columns NOT NULL
        }
    }

    const Path indexesPath = child(path, "indexes");
    for (auto it = indexes->begin(); it != indexes->end(); ++it) {
        Index index;
        if (!readIndex(it.value(), child(indexesPath, it.key()), version, *table, &index))
            return false;
        table->indexes.append(std::move(index));
    }

    const Path foreignKeysPath = child(path, "foreignKeys");
    for (auto it = foreignKeys->begin(); it != foreignKeys->end(); ++it) {
        ForeignKey key;
        if (!readForeignKey(it.value(), child(foreignKeysPath, it.key()), &key))
            return false;
        table->foreignKeys.append(std::move(key));
    }

    table->uniqueConstraints = columnUniques;
    if (uniques) {
        const Path uniquesPath = child(path, "uniqueConstraints");
        for (auto it = uniques->begin(); it != uniques->end(); ++it) {
            const Path uniquePath = child(uniquesPath, it.key());
            UniqueConstraint unique;
            if (!expectObject(it.value(), uniquePath)
                || !allowKeys(it.value(), uniquePath, {"name", "columns", "nullsNotDistinct"})
                || !string(it.value(), uniquePath, "name", &unique.name)
                || !stringList(it.value(), uniquePath, "columns", &unique.columns)
                || !boolean(it.value(), uniquePath, "nullsNotDistinct", &unique.nullsNotDistinct))
                return false;
            const auto same = [&unique](const UniqueConstraint &other) { return other.name == unique.name; };
            if (std::none_of(table->uniqueConstraints.cbegin(), table->uniqueConstraints.cend(), same))
                table->uniqueConstraints.append(std::move(unique));
        }
    }

    if (policies) {
        const Path policiesPath = child(path, "policies");
        for (auto it = policies->begin(); it != policies->end(); ++it) {
            Policy policy;
            if (!readPolicy(it.value(), child(policiesPath, it.key()), &policy))
                return false;
            table->policies.append(std::move(policy));
        }
    }
    if (!table->policies.isEmpty()) {
        table->snapshotSpelling.rlsWithPolicies = table->rlsEnabled;
        table->rlsEnabled = true;  // drizzle enables row-level security with a table's first policy
    }

    if (checks) {
        const Path checksPath = child(path, "checkConstraints");
        for (auto it = checks->begin(); it != checks->end(); ++it) {
            const Path checkPath = child(checksPath, it.key());
            CheckConstraint check;
            if (!expectObject(it.value(), checkPath) || !allowKeys(it.value(), checkPath, {"name", "value"})
                || !string(it.value(), checkPath, "name", &check.name)
                || !string(it.value(), checkPath, "value", &check.expression))
                return false;
            table->checks.append(std::move(check));
        }
    }
    return true;
}

bool SnapshotReader::readColumn(const Json &value, const Path &path, const QString &tableSchema,
                                const QString &table, ColumnRead *read)
{
    Column &column = read->column;
    if (!expectObject(value, path)
        || !allowKeys(value, path, {"name", "type", "typeSchema", "primaryKey", "notNull", "default", "isUnique",
                                    "uniqueName", "nullsNotDistinct", "generated", "identity"}))
        return false;
    QString type;
    bool userDefined = false;
    if (!string(value, path, "name", &column.name) || !string(value, path, "type", &type)
        || !string(value, path, "typeSchema", &column.typeSchema, false, &userDefined)
        || !boolean(value, path, "primaryKey", &read->primaryKey) || !boolean(value, path, "notNull", &column.notNull))
        return false;

    const SnapshotTypes::ModelType mapped = SnapshotTypes::toModel(type, userDefined);
    column.type = mapped.type;
    column.arrayDimensions = mapped.arrayDimensions;

    const auto defaultIt = value.find("default");
    if (defaultIt != value.end()) {
        column.defaultExpression = SnapshotWriter::defaultSql(*defaultIt);
    } else if (!mapped.serialOf.isEmpty() && mapped.arrayDimensions == 0) {
        column.defaultExpression = SnapshotTypes::serialDefault(tableSchema, table, column.name);
    }

    const Json *generated = nullptr;
    if (!object(value, path, "generated", &generated, false))
        return false;
    if (generated) {
        const Path generatedPath = child(path, "generated");
        QString kind;
        QString expression;
        if (!allowKeys(*generated, generatedPath, {"type", "as"})
            || !choice(*generated, generatedPath, "type", {QStringLiteral("stored")}, &kind, true)
            || !string(*generated, generatedPath, "as", &expression))
            return false;
        column.generatedExpression = expression;
    }

    const Json *identity = nullptr;
    if (!object(value, path, "identity", &identity, false))
        return false;
    if (identity) {
        Identity item;
        if (!readIdentity(*identity, child(path, "identity"), &item))
            return false;
        column.identity = item;
    }

    // The old column-level unique ("isUnique" is any truthy value to zod).
    const auto uniqueIt = value.find("isUnique");
    if (uniqueIt != value.end() && !uniqueIt->is_null() && *uniqueIt != false && *uniqueIt != 0 && *uniqueIt != "") {
        UniqueConstraint unique;
        unique.columns = {column.name};
        bool named = false;
        if (!string(value, path, "uniqueName", &unique.name, false, &named)
            || !boolean(value, path, "nullsNotDistinct", &unique.nullsNotDistinct, false))
            return false;
        if (!named)
            unique.name = QStringLiteral("%1_%2_unique").arg(table, column.name);
        read->unique = unique;
    } else {
        QString ignoredName;
        bool ignoredFlag = false;
        if (!string(value, path, "uniqueName", &ignoredName, false)
            || !boolean(value, path, "nullsNotDistinct", &ignoredFlag, false))
            return false;
    }

    // Keep drizzle's spelling where write() would otherwise spell it differently.
    bool defaultImplicit = false;
    if (SnapshotWriter::drizzleType(column, tableSchema, table, &defaultImplicit) != type)
        column.snapshotSpelling.type = type;
    if (defaultIt != value.end()) {
        const std::string spelled = SnapshotWriter::compact(*defaultIt);
        bool implicitNow = false;
        SnapshotWriter::drizzleType(column, tableSchema, table, &implicitNow);
        if (implicitNow || SnapshotWriter::compact(SnapshotWriter::defaultJson(column)) != spelled)
            column.snapshotSpelling.defaultJson = QByteArray::fromStdString(spelled);
    }
    return true;
}

bool SnapshotReader::readIdentity(const Json &value, const Path &path, Identity *identity)
{
    QString kind;
    if (!allowKeys(value, path, {"name", "increment", "minValue", "maxValue", "startWith", "cache", "cycle",
                                 "schema", "type"})
        || !choice(value, path, "type", {QStringLiteral("always"), QStringLiteral("byDefault")}, &kind, true)
        || !string(value, path, "name", &identity->sequenceName)
        || !string(value, path, "schema", &identity->sequenceSchema)
        || !integer(value, path, "increment", &identity->increment)
        || !integer(value, path, "minValue", &identity->minValue)
        || !integer(value, path, "maxValue", &identity->maxValue)
        || !integer(value, path, "startWith", &identity->start)
        || !integer(value, path, "cache", &identity->cache)
        || !boolean(value, path, "cycle", &identity->cycle, false))
        return false;
    identity->kind = kind == QLatin1String("always") ? Identity::Kind::Always : Identity::Kind::ByDefault;
    return true;
}

bool SnapshotReader::readIndex(const Json &value, const Path &path, int version, const Table &table, Index *index)
{
    if (!expectObject(value, path)
        || !allowKeys(value, path, {"name", "columns", "isUnique", "with", "method", "where", "concurrently"})
        || !string(value, path, "name", &index->name) || !boolean(value, path, "isUnique", &index->unique)
        || !string(value, path, "method", &index->method, false) || !string(value, path, "where", &index->where, false)
        || !boolean(value, path, "concurrently", &index->concurrently, false))
        return false;

    const Json *with = nullptr;
    if (!object(value, path, "with", &with, false))
        return false;
    if (with) {
        for (auto it = with->begin(); it != with->end(); ++it) {
            if (version < 7 && !it->is_string())
                return fail(child(child(path, "with"), it.key()), wrongType(Tr::tr("a string"), *it));
            index->with.append({qs(it.key()), optionText(*it)});
        }
    }

    bool ok = true;
    const Json *columns = member(value, path, "columns", true, &ok);
    if (!columns)
        return false;
    const Path columnsPath = child(path, "columns");
    if (!columns->is_array())
        return fail(columnsPath, wrongType(Tr::tr("an array"), *columns));
    int position = 0;
    for (const Json &item : *columns) {
        const Path keyPath = child(columnsPath, position++);
        IndexKey key;
        if (version < 7) {
            // Plain strings: a column name, or the SQL of an expression.
            if (!item.is_string())
                return fail(keyPath, wrongType(Tr::tr("a string"), item));
            key.expression = qs(item.get<std::string>());
            key.isExpression = table.column(key.expression) == nullptr;
            index->keys.append(std::move(key));
            continue;
        }
        // zod's indexColumn is not strict: other keys are dropped, not rejected.
        bool asc = true;
        QString nulls;
        if (!expectObject(item, keyPath) || !string(item, keyPath, "expression", &key.expression)
            || !boolean(item, keyPath, "isExpression", &key.isExpression) || !boolean(item, keyPath, "asc", &asc)
            || !choice(item, keyPath, "nulls", {QStringLiteral("first"), QStringLiteral("last")}, &nulls, false)
            || !string(item, keyPath, "opclass", &key.opclass, false))
            return false;
        key.descending = !asc;
        // NULLS LAST is the default for ascending keys, NULLS FIRST for descending ones.
        if (nulls == QLatin1String("first"))
            key.nulls = asc ? IndexKey::Nulls::First : IndexKey::Nulls::Default;
        else if (nulls == QLatin1String("last"))
            key.nulls = asc ? IndexKey::Nulls::Default : IndexKey::Nulls::Last;
        index->keys.append(std::move(key));
    }
    return true;
}

bool SnapshotReader::readForeignKey(const Json &value, const Path &path, ForeignKey *key)
{
    QString tableFrom;
    QString onUpdate;
    QString onDelete;
    bool hasSchema = false;
    if (!expectObject(value, path)
        || !allowKeys(value, path, {"name", "tableFrom", "columnsFrom", "tableTo", "schemaTo", "columnsTo",
                                    "onUpdate", "onDelete"})
        || !string(value, path, "name", &key->name) || !string(value, path, "tableFrom", &tableFrom)
        || !stringList(value, path, "columnsFrom", &key->columns) || !string(value, path, "tableTo", &key->targetTable)
        || !string(value, path, "schemaTo", &key->targetSchema, false, &hasSchema)
        || !stringList(value, path, "columnsTo", &key->targetColumns)
        || !choice(value, path, "onUpdate", actionValues, &onUpdate, false, Qt::CaseInsensitive)
        || !choice(value, path, "onDelete", actionValues, &onDelete, false, Qt::CaseInsensitive))
        return false;
    // drizzle leaves schemaTo out for tables in public (pgTable without a schema).
    if (!hasSchema || key->targetSchema.isEmpty())
        key->targetSchema = QStringLiteral("public");
    key->onUpdate = actionFromText(onUpdate).value_or(ForeignKeyAction::NoAction);
    key->onDelete = actionFromText(onDelete).value_or(ForeignKeyAction::NoAction);
    return true;
}

bool SnapshotReader::readPolicy(const Json &value, const Path &path, Policy *policy)
{
    QString as;
    QString ignored;
    bool hasRoles = false;
    if (!expectObject(value, path)
        || !allowKeys(value, path, {"name", "as", "for", "to", "using", "withCheck", "on", "schema"})
        || !string(value, path, "name", &policy->name) || !choice(value, path, "as", permissiveValues, &as, false)
        || !choice(value, path, "for", commandValues, &policy->command, false)
        || !stringList(value, path, "to", &policy->roles, false, &hasRoles)
        || !string(value, path, "using", &policy->usingExpression, false)
        || !string(value, path, "withCheck", &policy->withCheckExpression, false)
        || !string(value, path, "on", &ignored, false) || !string(value, path, "schema", &ignored, false))
        return false;
    policy->permissive = as != QLatin1String("RESTRICTIVE");
    if (policy->roles == QStringList{QStringLiteral("public")})
        policy->roles.clear();  // the model's PUBLIC
    return true;
}

bool SnapshotReader::readSequence(const Json &value, const Path &path, Sequence *sequence)
{
    std::optional<qint64> increment;
    std::optional<qint64> minValue;
    std::optional<qint64> maxValue;
    std::optional<qint64> start;
    std::optional<qint64> cache;
    if (!expectObject(value, path)
        || !allowKeys(value, path, {"name", "increment", "minValue", "maxValue", "startWith", "cache", "cycle", "schema"})
        || !string(value, path, "name", &sequence->name) || !string(value, path, "schema", &sequence->schema)
        || !integer(value, path, "increment", &increment) || !integer(value, path, "minValue", &minValue)
        || !integer(value, path, "maxValue", &maxValue) || !integer(value, path, "startWith", &start)
        || !integer(value, path, "cache", &cache) || !boolean(value, path, "cycle", &sequence->cycle, false))
        return false;
    // What drizzle-kit (and PostgreSQL) take for options left out.
    sequence->increment = increment.value_or(1);
    const bool down = sequence->increment < 0;
    sequence->minValue = minValue.value_or(down ? std::numeric_limits<qint64>::min() : 1);
    sequence->maxValue = maxValue.value_or(down ? -1 : std::numeric_limits<qint64>::max());
    sequence->start = start.value_or(down ? sequence->maxValue : sequence->minValue);
    sequence->cache = cache.value_or(1);
    return true;
}

bool SnapshotReader::readView(const Json &value, const Path &path, View *view)
{
    bool existing = false;
    if (!expectObject(value, path)
        || !allowKeys(value, path, {"name", "schema", "columns", "definition", "materialized", "with", "isExisting",
                                    "withNoData", "using", "tablespace"})
        || !string(value, path, "name", &view->name) || !string(value, path, "schema", &view->schema)
        || !string(value, path, "definition", &view->definition, false)
        || !boolean(value, path, "materialized", &view->materialized)
        || !boolean(value, path, "isExisting", &existing)
        || !boolean(value, path, "withNoData", &view->withNoData, false)
        || !string(value, path, "using", &view->usingMethod, false)
        || !string(value, path, "tablespace", &view->tablespace, false))
        return false;
    if (!existing && view->definition.isEmpty())
        return fail(child(path, "definition"),
                    Tr::tr("A view that is not .existing() needs its definition."));
    const Json *columns = nullptr;
    const Json *with = nullptr;
    if (!object(value, path, "columns", &columns) || !object(value, path, "with", &with, false))
        return false;
    const Path columnsPath = child(path, "columns");
    for (auto it = columns->begin(); it != columns->end(); ++it) {
        ColumnRead read;
        if (!readColumn(it.value(), child(columnsPath, it.key()), view->schema, view->name, &read))
            return false;
        read.column.snapshotSpelling.primaryKey = read.primaryKey;  // copied from the table; no meaning here
        view->columns.append(std::move(read.column));
    }
    return !with || readViewOptions(*with, child(path, "with"), &view->with);
}

bool SnapshotReader::readViewOptions(const Json &value, const Path &path, QList<QPair<QString, QString>> *with)
{
    static const QSet<QString> strings{QStringLiteral("checkOption"), QStringLiteral("vacuumIndexCleanup")};
    static const QSet<QString> booleans{QStringLiteral("securityBarrier"), QStringLiteral("securityInvoker"),
                                        QStringLiteral("autovacuumEnabled"), QStringLiteral("vacuumTruncate"),
                                        QStringLiteral("userCatalogTable")};
    static const QSet<QString> numbers{
        QStringLiteral("fillfactor"), QStringLiteral("toastTupleTarget"), QStringLiteral("parallelWorkers"),
        QStringLiteral("autovacuumVacuumThreshold"), QStringLiteral("autovacuumVacuumScaleFactor"),
        QStringLiteral("autovacuumVacuumCostDelay"), QStringLiteral("autovacuumVacuumCostLimit"),
        QStringLiteral("autovacuumFreezeMinAge"), QStringLiteral("autovacuumFreezeMaxAge"),
        QStringLiteral("autovacuumFreezeTableAge"), QStringLiteral("autovacuumMultixactFreezeMinAge"),
        QStringLiteral("autovacuumMultixactFreezeMaxAge"), QStringLiteral("autovacuumMultixactFreezeTableAge"),
        QStringLiteral("logAutovacuumMinDuration")};
    for (auto it = value.begin(); it != value.end(); ++it) {
        const QString key = qs(it.key());
        const Path optionPath = child(path, it.key());
        if (it->is_null())
            continue;  // version 8 lists every option, unset ones as null
        if (strings.contains(key)) {
            if (!it->is_string())
                return fail(optionPath, wrongType(Tr::tr("a string"), *it));
        } else if (booleans.contains(key)) {
            if (!it->is_boolean())
                return fail(optionPath, wrongType(Tr::tr("a boolean"), *it));
        } else if (numbers.contains(key)) {
            if (!it->is_number())
                return fail(optionPath, wrongType(Tr::tr("a number"), *it));
        } else {
            return fail(optionPath, Tr::tr("Unknown key \"%1\" (drizzle-kit rejects it too).").arg(key), Target::Key);
        }
        with->append({SnapshotWriter::reloptionName(key), optionText(*it)});
    }
    return true;
}

} // namespace strata
