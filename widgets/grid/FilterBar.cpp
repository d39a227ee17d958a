#include "FilterBar.h"

#include "dialogs/ErrorLook.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace strata {

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_conditions(new QVBoxLayout)
    , m_raw(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_conditions->setSpacing(2);
    layout->addLayout(m_conditions);

    auto *bottom = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add condition"), this);
    connect(add, &QPushButton::clicked, this, [this] { addCondition(); });
    bottom->addWidget(add);
    bottom->addWidget(new QLabel(tr("WHERE"), this));
    m_raw->setPlaceholderText(tr("raw SQL condition, e.g. created_at > now() - interval '1 day'"));
    m_raw->setClearButtonEnabled(true);
    connect(m_raw, &QLineEdit::returnPressed, this, &FilterBar::apply);
    bottom->addWidget(m_raw, 1);
    auto *apply = new QPushButton(tr("Apply"), this);
    apply->setDefault(true);
    connect(apply, &QPushButton::clicked, this, &FilterBar::apply);
    bottom->addWidget(apply);
    auto *clearButton = new QPushButton(tr("Clear"), this);
    connect(clearButton, &QPushButton::clicked, this, &FilterBar::clear);
    bottom->addWidget(clearButton);
    layout->addLayout(bottom);

    setErrorLook(m_error);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
}

void FilterBar::setColumns(const QList<RelationColumn> &columns)
{
    m_columns = columns;
    for (const Condition &condition : std::as_const(m_rows)) {
        const QString current = condition.column->currentText();
        condition.column->clear();
        for (const RelationColumn &column : columns)
            condition.column->addItem(column.name);
        condition.column->setCurrentIndex(qMax(0, condition.column->findText(current)));
    }
}

void FilterBar::addCondition(const QString &column)
{
    Condition condition;
    condition.row = new QWidget(this);
    auto *layout = new QHBoxLayout(condition.row);
    layout->setContentsMargins(0, 0, 0, 0);
    condition.column = new QComboBox(condition.row);
    for (const RelationColumn &c : std::as_const(m_columns))
        condition.column->addItem(c.name);
    if (!column.isEmpty())
        condition.column->setCurrentIndex(qMax(0, condition.column->findText(column)));
    condition.op = new QComboBox(condition.row);
    condition.value = new QLineEdit(condition.row);
    condition.value->setPlaceholderText(tr("value"));
    condition.value2 = new QLineEdit(condition.row);
    condition.value2->setPlaceholderText(tr("and"));
    auto *remove = new QToolButton(condition.row);
    remove->setText(QStringLiteral("×"));
    remove->setToolTip(tr("Remove this condition"));
    layout->addWidget(condition.column);
    layout->addWidget(condition.op);
    layout->addWidget(condition.value, 1);
    layout->addWidget(condition.value2, 1);
    layout->addWidget(remove);
    m_conditions->addWidget(condition.row);
    m_rows << condition;

    QWidget *row = condition.row;
    auto find = [this, row] {
        for (const Condition &c : std::as_const(m_rows)) {
            if (c.row == row)
                return c;
        }
        return Condition{};
    };
    connect(condition.column, &QComboBox::currentIndexChanged, this, [this, find] { fillOperators(find()); });
    connect(condition.op, &QComboBox::currentIndexChanged, this, [this, find] { updateValueEdits(find()); });
    connect(condition.value, &QLineEdit::returnPressed, this, &FilterBar::apply);
    connect(condition.value2, &QLineEdit::returnPressed, this, &FilterBar::apply);
    connect(remove, &QToolButton::clicked, this, [this, row] { removeCondition(row); });
    fillOperators(condition);
    condition.value->setFocus();
}

void FilterBar::fillOperators(const Condition &condition)
{
    if (!condition.op)
        return;
    const int index = condition.column->currentIndex();
    const QVariant previous = condition.op->currentData();
    condition.op->clear();
    if (index < 0 || index >= m_columns.size())
        return;
    for (RowFilter::Op op : RowFilter::opsFor(m_columns[index].toColumn()))
        condition.op->addItem(RowFilter::opLabel(op), int(op));
    condition.op->setCurrentIndex(qMax(0, condition.op->findData(previous)));
    updateValueEdits(condition);
}

void FilterBar::updateValueEdits(const Condition &condition)
{
    if (!condition.op)
        return;
    const auto op = RowFilter::Op(condition.op->currentData().toInt());
    const int count = RowFilter::valueCount(op);
    condition.value->setVisible(count != 0);
    condition.value2->setVisible(count == 2);
    condition.value->setPlaceholderText(count < 0 ? tr("values, separated by commas") : tr("value"));
}

void FilterBar::removeCondition(QWidget *row)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].row == row) {
            m_rows.removeAt(i);
            row->deleteLater();
            break;
        }
    }
}

void FilterBar::setFilters(const QList<RowFilter> &filters, const QString &rawWhere)
{
    while (!m_rows.isEmpty())
        removeCondition(m_rows.first().row);
    for (const RowFilter &filter : filters) {
        addCondition(filter.column);
        const Condition &condition = m_rows.last();
        condition.op->setCurrentIndex(qMax(0, condition.op->findData(int(filter.op))));
        if (filter.op == RowFilter::Op::In) {
            condition.value->setText(filter.values.join(QStringLiteral(", ")));
        } else {
            condition.value->setText(filter.values.value(0));
            condition.value2->setText(filter.values.value(1));
        }
    }
    m_raw->setText(rawWhere);
    showError({});
}

QList<RowFilter> FilterBar::filters() const
{
    QList<RowFilter> filters;
    for (const Condition &condition : m_rows) {
        RowFilter filter;
        filter.column = condition.column->currentText();
        filter.op = RowFilter::Op(condition.op->currentData().toInt());
        const int count = RowFilter::valueCount(filter.op);
        if (count < 0) {
            for (const QString &value : condition.value->text().split(u','))
                filter.values << value.trimmed();
        } else if (count >= 1) {
            filter.values << condition.value->text();
            if (count == 2)
                filter.values << condition.value2->text();
        }
        filters << filter;
    }
    return filters;
}

QString FilterBar::rawWhere() const
{
    return m_raw->text().trimmed();
}

void FilterBar::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void FilterBar::apply()
{
    emit applied(filters(), rawWhere());
}

void FilterBar::clear()
{
    setFilters({}, {});
    apply();
}

} // namespace strata
