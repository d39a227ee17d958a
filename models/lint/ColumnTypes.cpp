#include "ColumnTypes.h"

namespace strata::lint {

bool TypeSpec::isBuiltin(const char *catalogName) const
{
    return (schema.isEmpty() || schema == QLatin1String("pg_catalog")) && name == QLatin1String(catalogName);
}

TypeSpec typeSpec(const Json &typeName)
{
    TypeSpec spec;
    const QStringList parts = names(list(typeName, "names"));
    if (parts.isEmpty())
        return spec;
    spec.name = parts.last();
    if (parts.size() >= 2)
        spec.schema = parts[parts.size() - 2];
    for (const Json &modifier : list(typeName, "typmods")) {
        const Json *constant = as(modifier, "A_Const");
        const Json *ival = constant ? member(*constant, "ival") : nullptr;
        if (!ival) {
            spec.modifiersKnown = false;
            continue;
        }
        // An ival of 0 is left out of the JSON, as every default is.
        spec.modifiers.append(integer(*ival, "ival"));
    }
    spec.array = !list(typeName, "arrayBounds").empty();
    return spec;
}

TypeSpec typeSpecFromText(const QString &type)
{
    // The type as the target of a cast is how PostgreSQL itself reads format_type()'s output
    // back; the statement is only parsed, never run.
    const ParsedStatement parsed = ParsedStatement::parse(QStringLiteral("SELECT CAST(NULL AS %1)").arg(type));
    if (!parsed.isValid() || parsed.nodeType() != QLatin1String("SelectStmt"))
        return {};
    const Json &select = *as(parsed.data()->stmt, "SelectStmt");
    const Json &targets = list(select, "targetList");
    if (targets.size() != 1)
        return {};
    const Json *target = as(targets.front(), "ResTarget");
    const Json *value = target ? member(*target, "val") : nullptr;
    const Json *cast = value ? as(*value, "TypeCast") : nullptr;
    const Json *typeName = cast ? member(*cast, "typeName") : nullptr;
    return typeName ? typeSpec(*typeName) : TypeSpec{};
}

namespace {

// A typmod that only widens: `to` has none (unconstrained), or both have one and it grew.
bool widensLength(const TypeSpec &from, const TypeSpec &to)
{
    if (to.modifiers.isEmpty())
        return true;
    return from.modifiers.size() == 1 && to.modifiers.size() == 1 && to.modifiers[0] >= from.modifiers[0];
}

bool widensNumeric(const TypeSpec &from, const TypeSpec &to)
{
    if (to.modifiers.isEmpty())
        return true;
    if (from.modifiers.isEmpty())
        return false;  // numeric → numeric(p, s) rounds every value
    const int fromScale = from.modifiers.value(1, 0);
    const int toScale = to.modifiers.value(1, 0);
    return fromScale == toScale && to.modifiers[0] >= from.modifiers[0];
}

// interval's typmods are {fields, precision}; {fields} alone has no precision.
bool widensInterval(const TypeSpec &from, const TypeSpec &to)
{
    if (to.modifiers.isEmpty())
        return true;
    if (from.modifiers.size() != 2 || to.modifiers.size() != 2)
        return from.modifiers == to.modifiers;
    return from.modifiers[0] == to.modifiers[0] && to.modifiers[1] >= from.modifiers[1];
}

} // namespace

TypeChange classifyTypeChange(const TypeSpec &from, const TypeSpec &to)
{
    if (!from.isValid() || !to.isValid() || !from.modifiersKnown || !to.modifiersKnown)
        return TypeChange::Unknown;
    // An unqualified name is taken to be the qualified one: both resolve through search_path.
    const bool sameName = from.name == to.name
        && (from.schema == to.schema || from.schema.isEmpty() || to.schema.isEmpty());
    if (sameName && from.modifiers == to.modifiers && from.array == to.array)
        return TypeChange::NoRewrite;
    // An array's elements are coerced one by one (ArrayCoerceExpr): always a rewrite.
    if (from.array || to.array)
        return TypeChange::Rewrite;

    if (from.isBuiltin("varchar") && to.isBuiltin("varchar"))
        return widensLength(from, to) ? TypeChange::NoRewrite : TypeChange::Rewrite;
    if (from.isBuiltin("varchar") && to.isBuiltin("text"))
        return TypeChange::NoRewrite;
    if (from.isBuiltin("text") && to.isBuiltin("varchar"))
        return to.modifiers.isEmpty() ? TypeChange::NoRewrite : TypeChange::Rewrite;
    if (from.isBuiltin("numeric") && to.isBuiltin("numeric"))
        return widensNumeric(from, to) ? TypeChange::NoRewrite : TypeChange::Rewrite;
    if (from.isBuiltin("varbit") && to.isBuiltin("varbit"))
        return widensLength(from, to) ? TypeChange::NoRewrite : TypeChange::Rewrite;
    for (const char *precisionType : {"timestamp", "timestamptz", "time", "timetz"}) {
        if (from.isBuiltin(precisionType) && to.isBuiltin(precisionType))
            return widensLength(from, to) ? TypeChange::NoRewrite : TypeChange::Rewrite;
    }
    if (from.isBuiltin("interval") && to.isBuiltin("interval"))
        return widensInterval(from, to) ? TypeChange::NoRewrite : TypeChange::Rewrite;
    if (from.isBuiltin("cidr") && to.isBuiltin("inet") && to.modifiers.isEmpty())
        return TypeChange::NoRewrite;
    return TypeChange::Rewrite;
}

} // namespace strata::lint
