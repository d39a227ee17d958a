#include "IntrospectBreakdown.h"

#include "ConnectionWait.h"
#include "Interrupt.h"
#include "Median.h"
#include "schema/Introspector.h"

#include <QElapsedTimer>

#include <cstdio>
#include <iterator>

namespace strata::bench {

namespace {

const char *const stepNames[] = {"schemas", "relations", "columns", "constraints",
                                 "indexes", "enums", "sequences", "policies"};
static_assert(std::size(stepNames) == Introspector::StepCount);

struct StepFigures {
    int rows = 0;
    QList<double> coldMs, coldPlanMs, coldExecMs;
    QList<double> warmMs, warmPlanMs, warmExecMs;
};

double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

// "Planning Time: 1.234 ms" or "Execution Time: …" from EXPLAIN ANALYZE's text output.
double explainFigure(const QueryResult &plan, QLatin1String label)
{
    for (int r = 0; r < plan.rowCount(); ++r) {
        const QString line = plan.value(r, 0).trimmed();
        if (line.startsWith(label))
            return line.mid(label.size()).section(QLatin1Char(' '), 0, 0).toDouble();
    }
    return -1;
}

// Each statement in Step order, as the introspector sends it, timed as the client sees it
// (server, transfer, libpq, QueryResult's QStrings); the results go to *results if given.
bool timeSteps(Connection &connection, const QList<Query> &queries, QList<StepFigures> &steps,
               bool cold, QList<QueryResult> *results, QString *error)
{
    for (int s = 0; s < Introspector::StepCount; ++s) {
        QElapsedTimer timer;
        timer.start();
        const std::optional<QueryResult> result = waitForResult(connection, queries.at(s), error);
        if (!result)
            return false;
        (cold ? steps[s].coldMs : steps[s].warmMs).append(msSince(timer));
        steps[s].rows = result->rowCount();
        if (results)
            results->append(*result);
    }
    return true;
}

// The server's part: planning and execution without sending rows. TIMING OFF, so that
// the clock is not read per row.
bool explainSteps(Connection &connection, const QList<Query> &queries, QList<StepFigures> &steps,
                  bool cold, QString *error)
{
    for (int s = 0; s < Introspector::StepCount; ++s) {
        const Query explain{QStringLiteral("EXPLAIN (ANALYZE, TIMING OFF) ") + queries.at(s).sql,
                            queries.at(s).params};
        const std::optional<QueryResult> plan = waitForResult(connection, explain, error);
        if (!plan)
            return false;
        (cold ? steps[s].coldPlanMs : steps[s].warmPlanMs)
            .append(explainFigure(*plan, QLatin1String("Planning Time: ")));
        (cold ? steps[s].coldExecMs : steps[s].warmExecMs)
            .append(explainFigure(*plan, QLatin1String("Execution Time: ")));
    }
    return true;
}

double sumOfMedians(const QList<StepFigures> &steps, QList<double> StepFigures::*figure)
{
    double total = 0;
    for (const StepFigures &step : steps)
        total += median(step.*figure);
    return total;
}

} // namespace

bool printIntrospectBreakdown(const ConnectionSpec &spec, Connection &warm, int runs, QString *error)
{
    const QList<Query> queries = Introspector::queries(warm.serverInfo().versionNumber);
    QList<StepFigures> steps(Introspector::StepCount);
    QList<double> connectMs;
    QList<double> assembleMs;
    for (int run = 0; run < runs && !wasInterrupted(); ++run) {
        {
            // A new backend starts with empty catalog caches: that is what every timed run
            // of either side pays, and what a long-lived session no longer does.
            QElapsedTimer timer;
            timer.start();
            Connection cold(spec);
            if (!waitForOpen(cold, error))
                return false;
            connectMs.append(msSince(timer));
            if (!timeSteps(cold, queries, steps, true, nullptr, error))
                return false;
        }
        {
            Connection cold(spec);
            if (!waitForOpen(cold, error) || !explainSteps(cold, queries, steps, true, error))
                return false;
        }
        QList<QueryResult> results;
        if (!timeSteps(warm, queries, steps, false, &results, error)
            || !explainSteps(warm, queries, steps, false, error))
            return false;
        QElapsedTimer timer;
        timer.start();
        const Schema schema = Introspector::assemble(results);
        assembleMs.append(msSince(timer));
    }
    if (wasInterrupted())
        return false;
    std::printf("introspect_breakdown connect_ms=%.1f cold_queries_ms=%.1f warm_queries_ms=%.1f "
                "assemble_ms=%.1f\n", median(connectMs), sumOfMedians(steps, &StepFigures::coldMs),
                sumOfMedians(steps, &StepFigures::warmMs), median(assembleMs));
    for (int s = 0; s < Introspector::StepCount; ++s) {
        const StepFigures &step = steps.at(s);
        std::printf("introspect_step step=%s rows=%d cold_ms=%.1f cold_plan_ms=%.1f cold_exec_ms=%.1f "
                    "warm_ms=%.1f warm_plan_ms=%.1f warm_exec_ms=%.1f\n", stepNames[s], step.rows,
                    median(step.coldMs), median(step.coldPlanMs), median(step.coldExecMs),
                    median(step.warmMs), median(step.warmPlanMs), median(step.warmExecMs));
    }
    return true;
}

} // namespace strata::bench
