#include "GridClipboard.h"

#include "data/TableModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>

#include <algorithm>

namespace strata::GridClipboard {

CellBlock selection(const QTableView &view, const TableModel &model, int *skipped)
{
    CellBlock block;
    block.schema = model.relation().schema;
    block.table = model.relation().name;
    if (skipped)
        *skipped = 0;
    const QItemSelection selected = view.selectionModel()->selection();
    if (selected.isEmpty())
        return block;
    int top = std::numeric_limits<int>::max();
    int bottom = -1;
    QList<int> columns;
    for (const QItemSelectionRange &range : selected) {
        top = qMin(top, range.top());
        bottom = qMax(bottom, range.bottom());
        for (int c = range.left(); c <= range.right(); ++c) {
            if (!columns.contains(c) && !view.isColumnHidden(c))
                columns << c;
        }
    }
    const QHeaderView *header = view.horizontalHeader();
    std::sort(columns.begin(), columns.end(),
              [header](int a, int b) { return header->visualIndex(a) < header->visualIndex(b); });
    for (int c : columns)
        block.columns << model.relation().columns.value(c).toColumn();
    for (int r = top; r <= bottom; ++r) {
        if (!model.isLoaded(r)) {
            if (skipped)
                ++*skipped;
            continue;
        }
        QStringList row;
        for (int c : columns)
            row << model.data(model.index(r, c), TableModel::ValueRole).toString();
        block.rows << row;
    }
    return block;
}

QString text(const CellBlock &block, Format format)
{
    switch (format) {
    case Format::Tsv: return ClipboardFormat::tsv(block);
    case Format::Csv: return ClipboardFormat::csv(block);
    case Format::Json: return ClipboardFormat::json(block);
    case Format::SqlInsert: return ClipboardFormat::sqlInsert(block);
    }
    return {};
}

int paste(const QString &text, QTableView &view, TableModel &model)
{
    const QList<QStringList> rows = ClipboardFormat::parseTsv(text);
    const QModelIndex start = view.currentIndex();
    if (!start.isValid() || rows.isEmpty())
        return 0;
    const QHeaderView *header = view.horizontalHeader();
    int set = 0;
    for (int r = 0; r < rows.size(); ++r) {
        const int row = start.row() + r;
        if (row >= model.rowCount())
            break;
        // Columns follow the order shown, as the user sees where the text goes.
        int visual = header->visualIndex(start.column());
        for (const QString &cell : rows[r]) {
            while (visual < header->count() && view.isColumnHidden(header->logicalIndex(visual)))
                ++visual;
            if (visual >= header->count())
                break;
            const QModelIndex index = model.index(row, header->logicalIndex(visual++));
            if (!(model.flags(index) & Qt::ItemIsEditable))
                continue;
            const auto kind = RelationColumn::Kind(index.data(TableModel::ColumnKindRole).toInt());
            const bool text = kind == RelationColumn::Kind::Text;
            if (model.setData(index, cell.isEmpty() && !text ? QVariant() : QVariant(cell)))
                ++set;
        }
    }
    return set;
}

} // namespace strata::GridClipboard
