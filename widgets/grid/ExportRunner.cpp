#include "ExportRunner.h"

#include "data/RowWindow.h"
#include "data/TableBrowser.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QLocale>
#include <QProgressDialog>

namespace strata {

ExportRunner::ExportRunner(QWidget *parent)
    : QObject(parent)
    , m_parent(parent)
    , m_export(new TableExport(this))
{
    connect(m_export, &TableExport::progressed, this, &ExportRunner::progressed);
    connect(m_export, &TableExport::finished, this, [this](qint64 rows, qint64 bytes) {
        delete m_progress;
        emit ended(tr("Exported %1 rows (%2) to %3.")
                       .arg(QLocale().toString(rows), QLocale().formattedDataSize(bytes), m_request.path),
                   true);
    });
    connect(m_export, &TableExport::failed, this, [this](const PgError &error) {
        delete m_progress;
        emit ended(tr("Export failed, no file written: %1").arg(error.toString()), false);
    });
    connect(m_export, &TableExport::cancelled, this, [this] {
        delete m_progress;
        emit ended(tr("Export cancelled; no file written."), false);
    });
}

ExportRequest ExportRunner::request(const TableBrowser &browser, const QHeaderView &header, bool filtered)
{
    const RelationInfo &relation = browser.relation();
    ExportRequest request;
    request.schema = relation.schema;
    request.table = relation.name;
    for (int visual = 0; visual < header.count(); ++visual) {
        const int logical = header.logicalIndex(visual);
        if (!header.isSectionHidden(logical))
            request.columns << relation.columns.value(logical).name;
    }
    if (filtered) {
        request.where = browser.compiledFilter().sql;
        request.params = browser.compiledFilter().params;
    }
    request.orderBy = BrowseQuery::orderBy(relation, browser.sort());
    request.estimatedRows = browser.window()->isCountExact() ? double(browser.window()->rowCount()) : browser.estimate();
    return request;
}

bool ExportRunner::start(ExportRequest request)
{
    if (m_export->isRunning())
        return false;
    if (request.path.isEmpty()) {
        QString filter;
        QString suffix;
        switch (request.format) {
        case ExportRequest::Format::Csv: filter = tr("CSV files (*.csv)"); suffix = QStringLiteral(".csv"); break;
        case ExportRequest::Format::JsonLines: filter = tr("JSON lines (*.jsonl)"); suffix = QStringLiteral(".jsonl"); break;
        case ExportRequest::Format::Sql: filter = tr("SQL files (*.sql)"); suffix = QStringLiteral(".sql"); break;
        }
        request.path = QFileDialog::getSaveFileName(m_parent, tr("Export %1").arg(request.table), request.table + suffix, filter);
        if (request.path.isEmpty())
            return false;
    }
    m_request = request;
    if (!m_export->start(request))
        return false;
    m_progress = new QProgressDialog(tr("Exporting %1…").arg(request.table), tr("Cancel"), 0,
                                     request.estimatedRows > 0 ? 1000 : 0, m_parent);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, m_export, &TableExport::cancel);
    return true;
}

void ExportRunner::progressed(qint64 rows, qint64 bytes)
{
    if (!m_progress)
        return;
    m_progress->setLabelText(tr("Exporting %1: %2 rows, %3")
                                 .arg(m_request.table, QLocale().toString(rows), QLocale().formattedDataSize(bytes)));
    if (m_request.estimatedRows > 0)
        m_progress->setValue(int(qMin(999.0, 1000.0 * double(rows) / m_request.estimatedRows)));
}

} // namespace strata
