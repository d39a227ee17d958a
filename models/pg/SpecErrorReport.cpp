#include "SpecErrorReport.h"

namespace strata {

void SpecErrorReport::set(SpecError *error, const QString &message, const QString &source,
                          int line, int column)
{
    if (error)
        *error = SpecError{message, source, line, column};
}

void SpecErrorReport::clear(SpecError *error)
{
    if (error)
        *error = SpecError{};
}

int SpecErrorReport::columnAt(QStringView text, qsizetype index)
{
    int column = 1;
    for (qsizetype i = 0; i < index && i < text.size(); ++i) {
        if (!(text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()))
            ++column;
    }
    if (index > text.size())
        column += int(index - text.size());
    return column;
}

} // namespace strata
