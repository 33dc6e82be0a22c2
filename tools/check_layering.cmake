# The extractors' layering, checked at build time (see CMakeLists.txt):
# preprocess each source with the extractors' own flags and fail if any header
# it reaches, directly or through another header, belongs to a library or a
# part of the pipeline that the extractors must not depend on.
#   cmake -DCC=... -DINCLUDES=a|b -DDEFINES=X|Y=1 -DSOURCES=f.c|g.c -DSTAMP=file -P check_layering.cmake
foreach(v INCLUDES DEFINES SOURCES)
  string(REPLACE "|" ";" ${v} "${${v}}")
endforeach()
set(flags)
foreach(d ${INCLUDES})
  list(APPEND flags "-I${d}")
endforeach()
foreach(d ${DEFINES})
  list(APPEND flags "-D${d}")
endforeach()
set(forbidden poppler cairo leptonica allheaders tesseract sqlite3 json-glib gio/
    pipeline/ingest pipeline/pages pipeline/ocr pipeline/document pipeline/sinks
    pipeline/drivers pipeline/audit pipeline/review pipeline/cli)
set(bad "")
foreach(src ${SOURCES})
  execute_process(COMMAND ${CC} -std=c17 ${flags} -M ${src}
                  OUTPUT_VARIABLE deps ERROR_VARIABLE errs RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "layering: cannot preprocess ${src}:\n${errs}")
  endif()
  foreach(f ${forbidden})
    string(FIND "${deps}" "${f}" at)
    if(NOT at EQUAL -1)
      string(APPEND bad "${src}: reaches a header of ${f}\n")
    endif()
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "extractors/ may include only the base (pipeline/base), PCRE2 and GLib:\n${bad}")
endif()
file(WRITE ${STAMP} "ok\n")
