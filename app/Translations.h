#pragma once

class QCoreApplication;

namespace strata {

// Installs Qt's and Strata's translations for the user's locale (LANG, LC_ALL, …), for the
// window and the command line alike.
void installTranslations(QCoreApplication &app);

} // namespace strata
