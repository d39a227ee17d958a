#include "RenameDecisions.h"

namespace strata {

bool RenameDecisions::isEmpty() const
{
    return schemas.isEmpty() && tables.isEmpty() && columns.isEmpty() && enums.isEmpty()
           && sequences.isEmpty() && views.isEmpty() && policies.isEmpty() && roles.isEmpty();
}

namespace {

QList<RenameDecisions::Rename> swapped(const QList<RenameDecisions::Rename> &renames)
{
    QList<RenameDecisions::Rename> result;
    result.reserve(renames.size());
    for (const RenameDecisions::Rename &rename : renames)
        result.append({rename.to, rename.from});
    return result;
}

} // namespace

RenameDecisions RenameDecisions::inverted() const
{
    RenameDecisions back;
    back.schemas = swapped(schemas);
    back.tables = swapped(tables);
    back.enums = swapped(enums);
    back.sequences = swapped(sequences);
    back.views = swapped(views);
    back.roles = swapped(roles);

    // A column decision names its table as the forward run's `to` has it; the way back
    // needs the table as the forward run's `from` had it (the backward run's `to`).
    const auto tableBack = [this](Name name) {
        for (const Rename &table : tables) {
            if (table.to.schema == name.schema && table.to.name == name.table) {
                name.schema = table.from.schema;
                name.table = table.from.name;
                return name;
            }
        }
        for (const Rename &schema : schemas) {
            if (schema.to.name == name.schema) {
                name.schema = schema.from.name;
                break;
            }
        }
        return name;
    };
    for (const Rename &column : columns)
        back.columns.append({tableBack(column.to), tableBack(column.from)});
    for (const Rename &policy : policies)
        back.policies.append({tableBack(policy.to), tableBack(policy.from)});
    return back;
}

} // namespace strata
