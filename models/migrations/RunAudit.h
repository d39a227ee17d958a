#pragma once

#include "pg/QueryResult.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

class Ledger;

// Strata's record of every migrate and rollback run: a table beside drizzle's bookkeeping
// table ("__strata_runs" in the same schema), which drizzle never reads. A run's row is
// written when it starts, outside its transaction, so that a run that never finished (a
// killed process, a lost server) still shows as 'running'.
class RunAudit
{
public:
    static QString tableName();  // "__strata_runs"

    explicit RunAudit(const Ledger &ledger);
    QString qualifiedName() const;

    QList<Query> createQueries() const;
    // Marks rows still 'running' as 'interrupted': run by the holder of the migration lock,
    // which no running run can hold, so their runs died (a killed process, a lost server).
    Query interruptedQuery() const;
    // Returns the new row's id. `action` is "migrate" or "rollback"; `migrations` the tags planned.
    Query startQuery(const QString &action, const QStringList &migrations, const QString &mode) const;
    // `result`: "succeeded", "failed", "cancelled" (RunReport::outcomeId for anything else).
    Query finishQuery(qint64 id, const QString &result, const QStringList &applied, const QString &error,
                      qint64 durationMs) const;

private:
    QString m_schema;
};

} // namespace strata
