#include "SnapshotWriter.h"

#include "SnapshotTypes.h"
#include "migrations/JsJson.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace strata {

namespace {

using Json = SnapshotWriter::Json;

std::string str(const QString &text)
{
    return text.toStdString();
}

// The model may leave public unnamed; drizzle always names it (except in a table's "schema").
QString schemaName(const QString &schema)
{
    return schema.isEmpty() ? QStringLiteral("public") : schema;
}

// An object with room for `members`: nlohmann's ordered_map cannot move its members when
// it grows, so it copies them, subtrees and all.
Json objectOf(qsizetype members)
{
    Json object = Json::object();
    object.get_ref<Json::object_t &>().reserve(std::size_t(std::max<qsizetype>(members, 0)));
    return object;
}

Json strings(const QStringList &list)
{
    Json array = Json::array();
    for (const QString &item : list)
        array.push_back(str(item));
    return array;
}

QString actionText(ForeignKeyAction action)
{
    switch (action) {
    case ForeignKeyAction::NoAction:
        return QStringLiteral("no action");
    case ForeignKeyAction::Restrict:
        return QStringLiteral("restrict");
    case ForeignKeyAction::Cascade:
        return QStringLiteral("cascade");
    case ForeignKeyAction::SetNull:
        return QStringLiteral("set null");
    case ForeignKeyAction::SetDefault:
        return QStringLiteral("set default");
    }
    return QStringLiteral("no action");
}

// A storage parameter's text as the JSON drizzle holds it: true/false and plain numbers
// were JavaScript values in the TypeScript schema.
Json optionValue(const QString &text)
{
    if (text == QLatin1String("true"))
        return true;
    if (text == QLatin1String("false"))
        return false;
    if (SnapshotTypes::isJsNumber(text)) {
        const double value = text.toDouble();
        if (std::fabs(value) < 9007199254740992.0 && value == std::floor(value))
            return static_cast<std::int64_t>(value);
        return value;
    }
    return str(text);
}

// The keys of drizzle's view options (zod's mergedViewWithOption, in its order) and the
// JSON type of each.
enum class OptionKind { String, Boolean, Number };
struct ViewOption {
    const char *name;
    OptionKind kind;
};
constexpr ViewOption viewOptions[] = {
    {"checkOption", OptionKind::String},
    {"securityBarrier", OptionKind::Boolean},
    {"securityInvoker", OptionKind::Boolean},
    {"fillfactor", OptionKind::Number},
    {"toastTupleTarget", OptionKind::Number},
    {"parallelWorkers", OptionKind::Number},
    {"autovacuumEnabled", OptionKind::Boolean},
    {"vacuumIndexCleanup", OptionKind::String},
    {"vacuumTruncate", OptionKind::Boolean},
    {"autovacuumVacuumThreshold", OptionKind::Number},
    {"autovacuumVacuumScaleFactor", OptionKind::Number},
    {"autovacuumVacuumCostDelay", OptionKind::Number},
    {"autovacuumVacuumCostLimit", OptionKind::Number},
    {"autovacuumFreezeMinAge", OptionKind::Number},
    {"autovacuumFreezeMaxAge", OptionKind::Number},
    {"autovacuumFreezeTableAge", OptionKind::Number},
    {"autovacuumMultixactFreezeMinAge", OptionKind::Number},
    {"autovacuumMultixactFreezeMaxAge", OptionKind::Number},
    {"autovacuumMultixactFreezeTableAge", OptionKind::Number},
    {"logAutovacuumMinDuration", OptionKind::Number},
    {"userCatalogTable", OptionKind::Boolean},
};

Json viewOptionValue(const std::string &name, const QString &text)
{
    for (const ViewOption &option : viewOptions) {
        if (name != option.name)
            continue;
        if (option.kind == OptionKind::String)
            return str(text);
        if (option.kind == OptionKind::Boolean && (text == QLatin1String("true") || text == QLatin1String("false")))
            return text == QLatin1String("true");
        if (option.kind == OptionKind::Number && SnapshotTypes::isJsNumber(text))
            return optionValue(text);
        return str(text);
    }
    return optionValue(text);
}

int viewOptionRank(const std::string &name)
{
    for (std::size_t i = 0; i < std::size(viewOptions); ++i) {
        if (name == viewOptions[i].name)
            return int(i);
    }
    return int(std::size(viewOptions));
}

class Builder
{
public:
    explicit Builder(Snapshot::KeyOrder order) : m_validated(order == Snapshot::KeyOrder::Validated) {}

    Json document(const Schema &schema, const QString &id, const QString &prevId) const
    {
        Json root = objectOf(16);
        root["id"] = str(id);
        root["prevId"] = str(prevId);
        root["version"] = "7";
        root["dialect"] = "postgresql";

        Json tables = objectOf(schema.tables.size());
        for (const Table &table : schema.tables)
            tables[str(schemaName(table.schema) + QLatin1Char('.') + table.name)] = this->table(table);
        root["tables"] = std::move(tables);

        Json enums = objectOf(schema.enums.size());
        for (const Enum &item : schema.enums) {
            Json value = objectOf(16);
            value["name"] = str(item.name);
            value["schema"] = str(schemaName(item.schema));
            value["values"] = strings(item.values);
            enums[str(schemaName(item.schema) + QLatin1Char('.') + item.name)] = std::move(value);
        }
        root["enums"] = std::move(enums);

        Json schemas = objectOf(schema.schemas.size());
        for (const QString &name : schema.schemas)
            schemas[str(name)] = str(name);
        root["schemas"] = std::move(schemas);

        Json sequences = objectOf(schema.sequences.size());
        for (const Sequence &sequence : schema.sequences)
            sequences[str(schemaName(sequence.schema) + QLatin1Char('.') + sequence.name)] = this->sequence(sequence);

        Json roles = objectOf(schema.roles.size());
        for (const Role &role : schema.roles) {
            Json value = objectOf(16);
            value["name"] = str(role.name);
            value["createDb"] = role.createDb;
            value["createRole"] = role.createRole;
            value["inherit"] = role.inherit;
            roles[str(role.name)] = std::move(value);
        }

        Json policies = objectOf(schema.linkedPolicies.size());
        for (const LinkedPolicy &linked : schema.linkedPolicies)
            policies[str(linked.policy.name)] = policy(linked.policy, &linked);

        Json views = objectOf(schema.views.size());
        for (const View &view : schema.views)
            views[str(schemaName(view.schema) + QLatin1Char('.') + view.name)] = this->view(view);

        // generate spreads its serializer's result; --custom re-uses zod's parse of the
        // previous snapshot, whose schema lists views first.
        if (m_validated) {
            root["views"] = std::move(views);
            root["sequences"] = std::move(sequences);
            root["roles"] = std::move(roles);
            root["policies"] = std::move(policies);
        } else {
            root["sequences"] = std::move(sequences);
            root["roles"] = std::move(roles);
            root["policies"] = std::move(policies);
            root["views"] = std::move(views);
        }
        // writeResult() replaces _meta with its own default, in this order, either way.
        Json meta = objectOf(16);
        meta["columns"] = Json::object();
        meta["schemas"] = Json::object();
        meta["tables"] = Json::object();
        root["_meta"] = std::move(meta);
        return root;
    }

private:
    Json table(const Table &table) const
    {
        Json value = objectOf(16);
        value["name"] = str(table.name);
        value["schema"] = schemaName(table.schema) == QLatin1String("public") ? std::string() : str(table.schema);

        // A one-column key with PostgreSQL's default name is what drizzle's .primaryKey()
        // on a column makes; any other key is a compositePrimaryKeys entry.
        const std::optional<PrimaryKey> &key = table.primaryKey;
        const bool onColumn = table.hasColumnKey();
        Json columns = objectOf(table.columns.size());
        for (const Column &column : table.columns) {
            const bool primary = (onColumn && key->columns.first() == column.name)
                                 || column.snapshotSpelling.primaryKey;
            columns[str(column.name)] = this->column(column, table.schema, table.name, primary,
                                                     table.declaresNotNull(column));
        }
        value["columns"] = std::move(columns);

        Json indexes = objectOf(table.indexes.size());
        for (const Index &index : table.indexes)
            indexes[str(index.name)] = this->index(index);
        value["indexes"] = std::move(indexes);

        Json foreignKeys = objectOf(table.foreignKeys.size());
        for (const ForeignKey &key : table.foreignKeys)
            foreignKeys[str(key.name)] = foreignKey(key, table.name);
        value["foreignKeys"] = std::move(foreignKeys);

        Json primaryKeys = objectOf(16);
        if (key && !onColumn) {
            Json pk = objectOf(16);
            pk["name"] = str(key->name);
            pk["columns"] = strings(key->columns);
            primaryKeys[str(key->name)] = std::move(pk);
        }
        value["compositePrimaryKeys"] = std::move(primaryKeys);

        Json uniques = objectOf(table.uniqueConstraints.size());
        for (const UniqueConstraint &unique : table.uniqueConstraints) {
            Json item = objectOf(16);
            item["name"] = str(unique.name);
            if (m_validated) {
                item["columns"] = strings(unique.columns);
                item["nullsNotDistinct"] = unique.nullsNotDistinct;
            } else {
                item["nullsNotDistinct"] = unique.nullsNotDistinct;
                item["columns"] = strings(unique.columns);
            }
            uniques[str(unique.name)] = std::move(item);
        }
        value["uniqueConstraints"] = std::move(uniques);

        Json policies = objectOf(table.policies.size());
        for (const Policy &item : table.policies)
            policies[str(item.name)] = policy(item, nullptr);
        value["policies"] = std::move(policies);

        Json checks = objectOf(table.checks.size());
        for (const CheckConstraint &check : table.checks) {
            Json item = objectOf(16);
            item["name"] = str(check.name);
            item["value"] = str(check.expression);
            checks[str(check.name)] = std::move(item);
        }
        value["checkConstraints"] = std::move(checks);
        // drizzle turns row-level security on for a table's policies without saying so here.
        value["isRLSEnabled"] = table.rlsEnabled
                                && (table.policies.isEmpty() || table.snapshotSpelling.rlsWithPolicies);
        return value;
    }

    Json column(const Column &column, const QString &tableSchema, const QString &table, bool primaryKey,
                bool declaredNotNull) const
    {
        bool defaultImplicit = false;
        const QString type = SnapshotWriter::drizzleType(column, tableSchema, table, &defaultImplicit);
        // drizzle's serial is always notNull, in a composite key too.
        const bool notNull = declaredNotNull || (column.notNull && defaultImplicit);
        Json value = objectOf(16);
        value["name"] = str(column.name);
        value["type"] = str(type);
        if (!column.typeSchema.isEmpty())
            value["typeSchema"] = str(column.typeSchema);
        value["primaryKey"] = primaryKey;
        value["notNull"] = notNull;

        Json defaultValue;
        if (column.defaultExpression && !defaultImplicit)
            defaultValue = SnapshotWriter::defaultJson(column);

        Json generated;
        if (column.generatedExpression) {
            generated = objectOf(16);
            if (m_validated) {
                generated["type"] = "stored";
                generated["as"] = str(*column.generatedExpression);
            } else {
                generated["as"] = str(*column.generatedExpression);
                generated["type"] = "stored";
            }
        }
        Json identity;
        if (column.identity)
            identity = this->identity(*column.identity, tableSchema);

        // generate assigns default after building the column; zod lists it before.
        if (m_validated && column.defaultExpression && !defaultImplicit)
            value["default"] = defaultValue;
        if (!generated.is_null())
            value["generated"] = std::move(generated);
        if (!identity.is_null())
            value["identity"] = std::move(identity);
        if (!m_validated && column.defaultExpression && !defaultImplicit)
            value["default"] = std::move(defaultValue);
        return value;
    }

    Json identity(const Identity &identity, const QString &tableSchema) const
    {
        const auto number = [](const std::optional<qint64> &value) {
            return value ? Json(str(QString::number(*value))) : Json();
        };
        const QString schema = !identity.sequenceSchema.isEmpty() ? identity.sequenceSchema
                               : !tableSchema.isEmpty()           ? tableSchema
                                                                  : QStringLiteral("public");
        const char *type = identity.kind == Identity::Kind::Always ? "always" : "byDefault";
        Json value = objectOf(16);
        const auto put = [&value](const char *key, Json item) {
            if (!item.is_null())  // undefined in JavaScript: JSON.stringify leaves it out
                value[key] = std::move(item);
        };
        if (m_validated) {
            put("name", str(identity.sequenceName));
            put("increment", number(identity.increment));
            put("minValue", number(identity.minValue));
            put("maxValue", number(identity.maxValue));
            put("startWith", number(identity.start));
            put("cache", number(identity.cache));
            put("cycle", identity.cycle);
            put("schema", str(schema));
            put("type", type);
        } else {
            put("type", type);
            put("name", str(identity.sequenceName));
            put("schema", str(schema));
            put("increment", number(identity.increment));
            put("startWith", number(identity.start));
            put("minValue", number(identity.minValue));
            put("maxValue", number(identity.maxValue));
            put("cache", number(identity.cache));
            put("cycle", identity.cycle);
        }
        return value;
    }

    Json index(const Index &index) const
    {
        Json columns = Json::array();
        for (const IndexKey &key : index.keys) {
            const bool asc = !key.descending;
            const char *nulls = key.nulls == IndexKey::Nulls::First  ? "first"
                                : key.nulls == IndexKey::Nulls::Last ? "last"
                                : asc                                ? "last"
                                                                     : "first";
            Json item = objectOf(16);
            item["expression"] = str(key.expression);
            // generate builds expression keys as {expression, asc, isExpression, nulls}.
            if (key.isExpression && !m_validated) {
                item["asc"] = asc;
                item["isExpression"] = true;
            } else {
                item["isExpression"] = key.isExpression;
                item["asc"] = asc;
            }
            item["nulls"] = nulls;
            if (!key.opclass.isEmpty())
                item["opclass"] = str(key.opclass);
            columns.push_back(std::move(item));
        }
        Json with = objectOf(16);
        for (const auto &[name, text] : index.with)
            with[str(name)] = optionValue(text);

        Json value = objectOf(16);
        value["name"] = str(index.name);
        value["columns"] = std::move(columns);
        value["isUnique"] = index.unique;
        if (m_validated) {
            value["with"] = std::move(with);
            value["method"] = str(index.method);
            if (!index.where.isEmpty())
                value["where"] = str(index.where);
            value["concurrently"] = index.concurrently;
        } else {
            if (!index.where.isEmpty())
                value["where"] = str(index.where);
            value["concurrently"] = index.concurrently;
            value["method"] = str(index.method);
            value["with"] = std::move(with);
        }
        return value;
    }

    Json foreignKey(const ForeignKey &key, const QString &table) const
    {
        Json value = objectOf(16);
        value["name"] = str(key.name);
        value["tableFrom"] = str(table);
        // drizzle leaves schemaTo out (undefined) for a target table in public.
        const bool hasSchema = !key.targetSchema.isEmpty() && key.targetSchema != QLatin1String("public");
        if (m_validated) {
            value["columnsFrom"] = strings(key.columns);
            value["tableTo"] = str(key.targetTable);
            if (hasSchema)
                value["schemaTo"] = str(key.targetSchema);
            value["columnsTo"] = strings(key.targetColumns);
            value["onUpdate"] = str(actionText(key.onUpdate));
            value["onDelete"] = str(actionText(key.onDelete));
        } else {
            value["tableTo"] = str(key.targetTable);
            if (hasSchema)
                value["schemaTo"] = str(key.targetSchema);
            value["columnsFrom"] = strings(key.columns);
            value["columnsTo"] = strings(key.targetColumns);
            value["onDelete"] = str(actionText(key.onDelete));
            value["onUpdate"] = str(actionText(key.onUpdate));
        }
        return value;
    }

    Json policy(const Policy &policy, const LinkedPolicy *linked) const
    {
        QStringList roles = policy.roles;
        if (roles.isEmpty())
            roles << QStringLiteral("public");
        std::sort(roles.begin(), roles.end());  // drizzle sorts: UTF-16 order, as QString compares
        Json value = objectOf(16);
        value["name"] = str(policy.name);
        value["as"] = policy.permissive ? "PERMISSIVE" : "RESTRICTIVE";
        value["for"] = str(policy.command);
        value["to"] = strings(roles);
        if (!policy.usingExpression.isEmpty())
            value["using"] = str(policy.usingExpression);
        if (!policy.withCheckExpression.isEmpty())
            value["withCheck"] = str(policy.withCheckExpression);
        if (linked) {
            const std::string on = str(QStringLiteral("\"%1\".\"%2\"").arg(linked->tableSchema, linked->table));
            if (m_validated) {
                value["on"] = on;
                value["schema"] = str(linked->tableSchema);
            } else {
                value["schema"] = str(linked->tableSchema);
                value["on"] = on;
            }
        }
        return value;
    }

    Json sequence(const Sequence &sequence) const
    {
        Json value = objectOf(16);
        value["name"] = str(sequence.name);
        if (!m_validated)
            value["schema"] = str(schemaName(sequence.schema));
        value["increment"] = str(QString::number(sequence.increment));
        if (!m_validated)
            value["startWith"] = str(QString::number(sequence.start));
        value["minValue"] = str(QString::number(sequence.minValue));
        value["maxValue"] = str(QString::number(sequence.maxValue));
        if (m_validated)
            value["startWith"] = str(QString::number(sequence.start));
        value["cache"] = str(QString::number(sequence.cache));
        value["cycle"] = sequence.cycle;
        if (m_validated)
            value["schema"] = str(schemaName(sequence.schema));
        return value;
    }

    Json view(const View &view) const
    {
        Json columns = objectOf(view.columns.size());
        for (const Column &column : view.columns)
            columns[str(column.name)] = this->column(column, view.schema, view.name,
                                                     column.snapshotSpelling.primaryKey, column.notNull);
        // .existing() views have no definition; every other view must have one.
        const bool existing = view.definition.isEmpty();
        Json with;
        if (!view.with.isEmpty()) {
            QList<QPair<std::string, QString>> options;
            for (const auto &[name, text] : view.with)
                options.append({str(SnapshotWriter::viewOptionName(name)), text});
            if (m_validated) {
                std::stable_sort(options.begin(), options.end(), [](const auto &a, const auto &b) {
                    return viewOptionRank(a.first) < viewOptionRank(b.first);
                });
            }
            with = objectOf(16);
            for (const auto &[name, text] : options)
                with[name] = viewOptionValue(name, text);
        }

        Json value = objectOf(16);
        const auto put = [&value](const char *key, Json item) {
            if (!item.is_null())
                value[key] = std::move(item);
        };
        const Json definition = existing ? Json() : Json(str(view.definition));
        const Json withNoData = view.withNoData ? Json(true) : Json();
        const Json tablespace = view.tablespace.isEmpty() ? Json() : Json(str(view.tablespace));
        const Json usingMethod = view.usingMethod.isEmpty() ? Json() : Json(str(view.usingMethod));
        if (m_validated) {
            put("name", str(view.name));
            put("schema", str(schemaName(view.schema)));
            put("columns", std::move(columns));
            put("definition", definition);
            put("materialized", view.materialized);
            put("with", std::move(with));
            put("isExisting", existing);
            put("withNoData", withNoData);
            put("using", usingMethod);
            put("tablespace", tablespace);
        } else {
            put("columns", std::move(columns));
            put("definition", definition);
            put("name", str(view.name));
            put("schema", str(schemaName(view.schema)));
            put("isExisting", existing);
            put("with", std::move(with));
            put("withNoData", withNoData);
            put("materialized", view.materialized);
            put("tablespace", tablespace);
            put("using", usingMethod);
        }
        return value;
    }

    bool m_validated = false;
};

} // namespace

QByteArray SnapshotWriter::write(const Schema &schema, const QString &id, const QString &prevId,
                                 Snapshot::KeyOrder order)
{
    return JsJson::stringify(Builder(order).document(schema, id, prevId), 2, JsJson::KeyOrder::JavaScript);
}

std::string SnapshotWriter::compact(const Json &value)
{
    return JsJson::stringify(value, 0, JsJson::KeyOrder::JavaScript).toStdString();
}

namespace {

// drizzle-kit's buildArrayString(): the inside of a PostgreSQL array literal.
void appendArrayLiteral(std::string &out, const Json &array)
{
    out += '{';
    bool first = true;
    for (const Json &item : array) {
        if (!first)
            out += ',';
        first = false;
        if (item.is_array()) {
            appendArrayLiteral(out, item);
        } else if (item.is_object()) {
            std::string json = SnapshotWriter::compact(item);
            std::string escaped;
            for (const char ch : json) {
                if (ch == '"')
                    escaped += '\\';
                escaped += ch;
            }
            out += '"' + escaped + '"';
        } else if (item.is_string()) {
            out += '"' + item.get<std::string>() + '"';
        } else if (item.is_null()) {
            out += "\"null\"";
        } else {
            out += SnapshotWriter::compact(item);
        }
    }
    out += '}';
}

} // namespace

QString SnapshotWriter::defaultSql(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::string:
        return QString::fromStdString(value.get<std::string>());
    case Json::value_t::boolean:
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return QString::fromStdString(compact(value));
    case Json::value_t::array: {
        std::string out = "'";
        appendArrayLiteral(out, value);
        return QString::fromStdString(out + "'");
    }
    case Json::value_t::object:
        return QStringLiteral("'%1'").arg(QString::fromStdString(compact(value)));
    case Json::value_t::null:
    case Json::value_t::binary:
    case Json::value_t::discarded:
        break;
    }
    return QStringLiteral("NULL");
}

SnapshotWriter::Json SnapshotWriter::defaultJson(const Column &column)
{
    if (!column.defaultExpression)
        return Json();
    const QString &text = *column.defaultExpression;
    const QByteArray &spelled = column.snapshotSpelling.defaultJson;
    if (!spelled.isEmpty()) {
        Json value = Json::parse(spelled.constData(), spelled.constData() + spelled.size(), nullptr, false);
        if (!value.is_discarded() && defaultSql(value) == text)
            return value;
    }
    if (column.arrayDimensions == 0 && column.typeSchema.isEmpty()) {
        if (column.type == QLatin1String("boolean") && (text == QLatin1String("true") || text == QLatin1String("false")))
            return text == QLatin1String("true");
        if (SnapshotTypes::isNumericType(column.type) && SnapshotTypes::isJsNumber(text))
            return optionValue(text);
    }
    return str(text);
}

QString SnapshotWriter::drizzleType(const Column &column, const QString &tableSchema,
                                    const QString &table, bool *defaultImplicit)
{
    const bool userDefined = !column.typeSchema.isEmpty();
    const bool serialDefault = !column.identity && column.defaultExpression
                               && SnapshotTypes::looksLikeSerialDefault(*column.defaultExpression)
                               && *column.defaultExpression
                                      == SnapshotTypes::serialDefault(tableSchema, table, column.name);
    const QString &spelled = column.snapshotSpelling.type;
    if (!spelled.isEmpty()) {
        const SnapshotTypes::ModelType meant = SnapshotTypes::toModel(spelled, userDefined);
        if (meant.type == column.type && meant.arrayDimensions == column.arrayDimensions) {
            *defaultImplicit = !meant.serialOf.isEmpty() && serialDefault;
            return spelled;
        }
    }
    const QString serial = SnapshotTypes::serialFor(column.type);
    if (serialDefault && !userDefined && column.arrayDimensions == 0 && !serial.isEmpty()) {
        *defaultImplicit = true;
        return serial;
    }
    *defaultImplicit = false;
    return SnapshotTypes::toDrizzle(column.type, column.arrayDimensions, userDefined);
}

QString SnapshotWriter::reloptionName(const QString &camelCase)
{
    QString name;
    for (const QChar ch : camelCase) {
        if (ch.isUpper())
            name += QLatin1Char('_') + ch.toLower();
        else
            name += ch;
    }
    return name;
}

QString SnapshotWriter::viewOptionName(const QString &reloption)
{
    QString name;
    bool upper = false;
    for (const QChar ch : reloption) {
        if (ch == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        name += upper ? ch.toUpper() : ch;
        upper = false;
    }
    return name;
}

} // namespace strata
