#pragma once

#include <QColor>
#include <QLabel>
#include <QPalette>

namespace strata {

// Marks a label's text as an error, in the one red that the connection dialog and its
// form share.
inline void setErrorLook(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
}

} // namespace strata
