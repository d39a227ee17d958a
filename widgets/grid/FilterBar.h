#pragma once

#include "data/RelationInfo.h"
#include "data/RowFilter.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace strata {

// Conditions above the grid: column, operator, value, as many as wanted (all must hold), and
// a raw WHERE clause for the rest. Nothing is typed into SQL: the browser compiles them to
// parameters, and checks the raw clause with PostgreSQL's parser before sending it.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    void setColumns(const QList<RelationColumn> &columns);
    void setFilters(const QList<RowFilter> &filters, const QString &rawWhere);
    QList<RowFilter> filters() const;
    QString rawWhere() const;
    void showError(const QString &message);  // empty hides it
    void addCondition(const QString &column = {});
    QLineEdit *rawEdit() const { return m_raw; }
    int conditionCount() const { return int(m_rows.size()); }
    // The widgets of condition `i`, for tests and for focus.
    QComboBox *columnBox(int i) const { return m_rows.value(i).column; }
    QComboBox *operatorBox(int i) const { return m_rows.value(i).op; }
    QLineEdit *valueEdit(int i) const { return m_rows.value(i).value; }

signals:
    void applied(const QList<strata::RowFilter> &filters, const QString &rawWhere);

private:
    struct Condition {
        QWidget *row = nullptr;
        QComboBox *column = nullptr;
        QComboBox *op = nullptr;
        QLineEdit *value = nullptr;
        QLineEdit *value2 = nullptr;  // Between's upper bound
    };
    void fillOperators(const Condition &condition);
    void updateValueEdits(const Condition &condition);
    void removeCondition(QWidget *row);
    void apply();
    void clear();

    QList<RelationColumn> m_columns;
    QList<Condition> m_rows;
    QVBoxLayout *m_conditions;
    QLineEdit *m_raw;
    QLabel *m_error;
};

} // namespace strata
