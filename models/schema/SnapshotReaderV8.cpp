#include "SnapshotReaderParts.h"

#include "SnapshotTypes.h"
#include "Tr.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace strata {

using namespace SnapshotReaderParts;

// Version 8 (drizzle-kit 1.0): a flat "ddl" array of entities, each naming its table.

bool SnapshotReader::readV8(const Json &root, Snapshot *snapshot)
{
    const Path rootPath;
    if (!string(root, rootPath, "dialect", &snapshot->dialect) || !string(root, rootPath, "id", &snapshot->id)
        || !stringList(root, rootPath, "prevIds", &snapshot->prevIds))
        return false;
    if (snapshot->dialect != QLatin1String("postgres") && snapshot->dialect != QLatin1String("postgresql"))
        return fail(child(rootPath, "dialect"),
                    Tr::tr("Dialect \"%1\": Strata reads PostgreSQL snapshots only.").arg(snapshot->dialect));
    bool ok = true;
    const Json *ddl = member(root, rootPath, "ddl", true, &ok);
    if (!ddl)
        return false;
    const Path ddlPath = child(rootPath, "ddl");
    if (!ddl->is_array())
        return fail(ddlPath, wrongType(Tr::tr("an array"), *ddl));

    Schema &schema = snapshot->schema;
    // Entities name their table; the first pass makes the tables and views they name.
    QHash<QString, qsizetype> tableIndex;
    const auto tableKey = [](const QString &schemaName, const QString &name) {
        return schemaName + QLatin1Char('\x1f') + name;
    };
    const auto entityType = [&](const Json &entity, const Path &path, QString *type) {
        return expectObject(entity, path) && string(entity, path, "entityType", type);
    };

    int position = 0;
    for (const Json &entity : *ddl) {
        const Path path = child(ddlPath, position++);
        QString type;
        if (!entityType(entity, path, &type))
            return false;
        if (type == QLatin1String("schemas")) {
            QString name;
            if (!string(entity, path, "name", &name))
                return false;
            if (name != QLatin1String("public"))
                schema.schemas.append(name);
        } else if (type == QLatin1String("tables")) {
            Table table;
            if (!string(entity, path, "name", &table.name) || !string(entity, path, "schema", &table.schema)
                || !boolean(entity, path, "isRlsEnabled", &table.rlsEnabled, false))
                return false;
            tableIndex.insert(tableKey(table.schema, table.name), schema.tables.size());
            schema.tables.append(std::move(table));
        } else if (type == QLatin1String("enums")) {
            Enum item;
            if (!string(entity, path, "name", &item.name) || !string(entity, path, "schema", &item.schema)
                || !stringList(entity, path, "values", &item.values))
                return false;
            schema.enums.append(std::move(item));
        } else if (type == QLatin1String("sequences")) {
            Sequence sequence;
            std::optional<qint64> increment;
            std::optional<qint64> minValue;
            std::optional<qint64> maxValue;
            std::optional<qint64> start;
            std::optional<qint64> cache;
            bool cycle = false;
            if (!string(entity, path, "name", &sequence.name) || !string(entity, path, "schema", &sequence.schema)
                || !integer(entity, path, "incrementBy", &increment, true)
                || !integer(entity, path, "minValue", &minValue, true)
                || !integer(entity, path, "maxValue", &maxValue, true)
                || !integer(entity, path, "startWith", &start, true)
                || !integer(entity, path, "cacheSize", &cache, true))
                return false;
            const auto cycleIt = entity.find("cycle");
            if (cycleIt != entity.end() && !cycleIt->is_null() && !boolean(entity, path, "cycle", &cycle))
                return false;
            sequence.increment = increment.value_or(1);
            const bool down = sequence.increment < 0;
            sequence.minValue = minValue.value_or(down ? std::numeric_limits<qint64>::min() : 1);
            sequence.maxValue = maxValue.value_or(down ? -1 : std::numeric_limits<qint64>::max());
            sequence.start = start.value_or(down ? sequence.maxValue : sequence.minValue);
            sequence.cache = cache.value_or(1);
            sequence.cycle = cycle;
            schema.sequences.append(std::move(sequence));
        } else if (type == QLatin1String("roles")) {
            Role role;
            if (!string(entity, path, "name", &role.name))
                return false;
            for (const auto &[key, target] : {std::pair{"createDb", &role.createDb}, std::pair{"createRole", &role.createRole},
                                              std::pair{"inherit", &role.inherit}}) {
                const auto it = entity.find(key);
                if (it != entity.end() && !it->is_null() && !boolean(entity, path, key, target))
                    return false;
            }
            schema.roles.append(std::move(role));
        } else if (type == QLatin1String("views")) {
            View view;
            bool materialized = false;
            bool withNoData = false;
            const Json *with = nullptr;
            if (!string(entity, path, "name", &view.name) || !string(entity, path, "schema", &view.schema)
                || !nullableString(entity, path, "definition", &view.definition)
                || !boolean(entity, path, "materialized", &materialized)
                || !nullableString(entity, path, "using", &view.usingMethod)
                || !nullableString(entity, path, "tablespace", &view.tablespace))
                return false;
            const auto noDataIt = entity.find("withNoData");
            if (noDataIt != entity.end() && !noDataIt->is_null() && !boolean(entity, path, "withNoData", &withNoData))
                return false;
            const auto withIt = entity.find("with");
            if (withIt != entity.end() && !withIt->is_null()) {
                if (!object(entity, path, "with", &with) || !readViewOptions(*with, child(path, "with"), &view.with))
                    return false;
            }
            view.materialized = materialized;
            view.withNoData = withNoData;
            schema.views.append(std::move(view));
        } else if (type != QLatin1String("columns") && type != QLatin1String("indexes") && type != QLatin1String("fks")
                   && type != QLatin1String("pks") && type != QLatin1String("uniques")
                   && type != QLatin1String("checks") && type != QLatin1String("policies")
                   && type != QLatin1String("privileges")) {
            return fail(child(path, "entityType"), Tr::tr("Unknown entity type \"%1\".").arg(type));
        }
    }

    // Second pass: what belongs to a table. Grants ("privileges") are not part of the model.
    position = 0;
    for (const Json &entity : *ddl) {
        const Path path = child(ddlPath, position++);
        QString type;
        entityType(entity, path, &type);
        if (type != QLatin1String("columns") && type != QLatin1String("indexes") && type != QLatin1String("fks")
            && type != QLatin1String("pks") && type != QLatin1String("uniques") && type != QLatin1String("checks")
            && type != QLatin1String("policies"))
            continue;
        QString tableSchema;
        QString tableName;
        QString name;
        if (!string(entity, path, "schema", &tableSchema) || !string(entity, path, "table", &tableName)
            || !string(entity, path, "name", &name))
            return false;
        const auto found = tableIndex.constFind(tableKey(tableSchema, tableName));
        if (found == tableIndex.constEnd())
            return fail(child(path, "table"),
                        Tr::tr("The table \"%1\".\"%2\" is not in the snapshot.").arg(tableSchema, tableName));
        Table &table = schema.tables[*found];

        if (type == QLatin1String("columns")) {
            Column column;
            column.name = name;
            QString columnType;
            bool userDefined = false;
            double dimensions = 0;
            if (!string(entity, path, "type", &columnType)
                || !nullableString(entity, path, "typeSchema", &column.typeSchema, &userDefined)
                || !boolean(entity, path, "notNull", &column.notNull))
                return false;
            const auto dimensionsIt = entity.find("dimensions");
            if (dimensionsIt != entity.end()) {
                if (!dimensionsIt->is_number_integer())
                    return fail(child(path, "dimensions"), wrongType(Tr::tr("a whole number"), *dimensionsIt));
                dimensions = dimensionsIt->get<double>();
            }
            const SnapshotTypes::ModelType mapped = SnapshotTypes::toModel(columnType, userDefined);
            column.type = mapped.type;
            column.arrayDimensions = mapped.arrayDimensions + int(std::clamp(dimensions, 0.0, 64.0));
            QString defaultText;
            bool hasDefault = false;
            if (!nullableString(entity, path, "default", &defaultText, &hasDefault))
                return false;
            if (hasDefault)
                column.defaultExpression = defaultText;
            else if (!mapped.serialOf.isEmpty() && column.arrayDimensions == 0)
                column.defaultExpression = SnapshotTypes::serialDefault(tableSchema, tableName, name);
            const auto generatedIt = entity.find("generated");
            if (generatedIt != entity.end() && !generatedIt->is_null()) {
                const Path generatedPath = child(path, "generated");
                QString expression;
                if (!expectObject(*generatedIt, generatedPath) || !string(*generatedIt, generatedPath, "as", &expression))
                    return false;
                column.generatedExpression = expression;
            }
            const auto identityIt = entity.find("identity");
            if (identityIt != entity.end() && !identityIt->is_null()) {
                const Path identityPath = child(path, "identity");
                Identity identity;
                QString kind;
                if (!expectObject(*identityIt, identityPath)
                    || !choice(*identityIt, identityPath, "type", {QStringLiteral("always"), QStringLiteral("byDefault")},
                               &kind, true)
                    || !string(*identityIt, identityPath, "name", &identity.sequenceName)
                    || !nullableString(*identityIt, identityPath, "schema", &identity.sequenceSchema)
                    || !integer(*identityIt, identityPath, "increment", &identity.increment, true)
                    || !integer(*identityIt, identityPath, "minValue", &identity.minValue, true)
                    || !integer(*identityIt, identityPath, "maxValue", &identity.maxValue, true)
                    || !integer(*identityIt, identityPath, "startWith", &identity.start, true)
                    || !integer(*identityIt, identityPath, "cache", &identity.cache, true))
                    return false;
                const auto cycleIt = identityIt->find("cycle");
                if (cycleIt != identityIt->end() && !cycleIt->is_null()
                    && !boolean(*identityIt, identityPath, "cycle", &identity.cycle))
                    return false;
                identity.kind = kind == QLatin1String("always") ? Identity::Kind::Always : Identity::Kind::ByDefault;
                if (identity.sequenceSchema.isEmpty())
                    identity.sequenceSchema = tableSchema;
                column.identity = identity;
            }
            table.columns.append(std::move(column));
        } else if (type == QLatin1String("pks")) {
            PrimaryKey key;
            key.name = name;
            if (!stringList(entity, path, "columns", &key.columns))
                return false;
            if (table.primaryKey)
                return fail(path, Tr::tr("A second primary key: a table has at most one."));
            table.primaryKey = key;
        } else if (type == QLatin1String("uniques")) {
            UniqueConstraint unique;
            unique.name = name;
            if (!stringList(entity, path, "columns", &unique.columns)
                || !boolean(entity, path, "nullsNotDistinct", &unique.nullsNotDistinct, false))
                return false;
            table.uniqueConstraints.append(std::move(unique));
        } else if (type == QLatin1String("checks")) {
            CheckConstraint check;
            check.name = name;
            if (!string(entity, path, "value", &check.expression))
                return false;
            table.checks.append(std::move(check));
        } else if (type == QLatin1String("fks")) {
            ForeignKey key;
            key.name = name;
            QString onUpdate;
            QString onDelete;
            const auto action = [&](const char *field, QString *out) {
                const auto it = entity.find(field);
                if (it == entity.end() || it->is_null())
                    return true;
                return choice(entity, path, field, actionValues, out, true, Qt::CaseInsensitive);
            };
            if (!stringList(entity, path, "columns", &key.columns) || !string(entity, path, "schemaTo", &key.targetSchema)
                || !string(entity, path, "tableTo", &key.targetTable)
                || !stringList(entity, path, "columnsTo", &key.targetColumns) || !action("onUpdate", &onUpdate)
                || !action("onDelete", &onDelete))
                return false;
            key.onUpdate = actionFromText(onUpdate).value_or(ForeignKeyAction::NoAction);
            key.onDelete = actionFromText(onDelete).value_or(ForeignKeyAction::NoAction);
            table.foreignKeys.append(std::move(key));
        } else if (type == QLatin1String("policies")) {
            Policy policy;
            policy.name = name;
            QString as;
            QString usingText;
            QString withCheck;
            if (!choice(entity, path, "as", permissiveValues, &as, false)
                || !choice(entity, path, "for", commandValues, &policy.command, false)
                || !stringList(entity, path, "roles", &policy.roles, false)
                || !nullableString(entity, path, "using", &policy.usingExpression)
                || !nullableString(entity, path, "withCheck", &policy.withCheckExpression))
                return false;
            policy.permissive = as != QLatin1String("RESTRICTIVE");
            if (policy.roles == QStringList{QStringLiteral("public")})
                policy.roles.clear();
            table.policies.append(std::move(policy));
        } else if (type == QLatin1String("indexes")) {
            Index index;
            index.name = name;
            QString with;
            if (!boolean(entity, path, "isUnique", &index.unique)
                || !nullableString(entity, path, "where", &index.where)
                || !nullableString(entity, path, "with", &with)
                || !string(entity, path, "method", &index.method, false)
                || !boolean(entity, path, "concurrently", &index.concurrently, false))
                return false;
            // "fillfactor=70,deduplicate_items=false", as reloptions print.
            for (const QString &option : with.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const qsizetype eq = option.indexOf(QLatin1Char('='));
                index.with.append({option.left(eq).trimmed(), eq < 0 ? QString() : option.mid(eq + 1).trimmed()});
            }
            bool columnsOk = true;
            const Json *columns = member(entity, path, "columns", true, &columnsOk);
            if (!columns)
                return false;
            const Path columnsPath = child(path, "columns");
            if (!columns->is_array())
                return fail(columnsPath, wrongType(Tr::tr("an array"), *columns));
            int keyPosition = 0;
            for (const Json &item : *columns) {
                const Path keyPath = child(columnsPath, keyPosition++);
                IndexKey key;
                bool asc = true;
                bool nullsFirst = false;
                if (!expectObject(item, keyPath) || !string(item, keyPath, "value", &key.expression)
                    || !boolean(item, keyPath, "isExpression", &key.isExpression)
                    || !boolean(item, keyPath, "asc", &asc) || !boolean(item, keyPath, "nullsFirst", &nullsFirst, false))
                    return false;
                key.descending = !asc;
                if (nullsFirst != !asc)
                    key.nulls = nullsFirst ? IndexKey::Nulls::First : IndexKey::Nulls::Last;
                const auto opclassIt = item.find("opclass");
                if (opclassIt != item.end() && !opclassIt->is_null()) {
                    const Path opclassPath = child(keyPath, "opclass");
                    bool isDefault = false;
                    if (!expectObject(*opclassIt, opclassPath)
                        || !string(*opclassIt, opclassPath, "name", &key.opclass)
                        || !boolean(*opclassIt, opclassPath, "default", &isDefault, false))
                        return false;
                    if (isDefault)
                        key.opclass.clear();
                }
                index.keys.append(std::move(key));
            }
            table.indexes.append(std::move(index));
        }
    }
    return true;
}

} // namespace strata
