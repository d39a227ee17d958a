# Fails when a file under models/ includes a QtWidgets, QtGui or QScintilla header,
# including the <QtWidgets/...> form that Qt's shared include root would let compile.
file(GLOB_RECURSE files "${ROOT}/*.h" "${ROOT}/*.cpp")
set(bad "")
foreach(f IN LISTS files)
    file(STRINGS "${f}" hits REGEX "#include *[<\"](QtWidgets|QtGui|Qsci|QWidget|QMessageBox|QDialog|QMainWindow|QApplication|QPixmap|QImage)")
    if(hits)
        list(APPEND bad "${f}: ${hits}")
    endif()
endforeach()
if(bad)
    message(FATAL_ERROR "models/ must not depend on QtWidgets or QtGui:\n${bad}")
endif()
message(STATUS "models/ includes no widget headers (${CMAKE_MATCH_COUNT} checked)")
