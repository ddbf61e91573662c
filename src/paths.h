/*
 * paths: where trin finds its bundled wizards and its translations, run from its build tree or installed.
 *
 * Run from the build tree (beside the executable, the file trin-source-tree that the build writes names the
 * source tree), the source tree's wizards/ and the build tree's compiled catalogues are used, so trin works
 * before `meson install`.  Otherwise the installed $datadir/trin/wizards and $localedir, found from where
 * the executable is; no path of the build machine is compiled in.  TRIN_PATH adds folders before these.
 */
#ifndef TRIN_PATHS_H
#define TRIN_PATHS_H

#include <stddef.h>

/* The folders to look in for wizards, first first.  Free with paths_free. */
size_t paths_wizard_dirs(char ***dirs);
/* Every *.yaml file in the folders, sorted by name within a folder; a file name seen in an earlier folder
 * hides a later one.  Free with paths_free. */
size_t paths_wizard_files(char **dirs, size_t ndirs, char ***files);
/* The folder of the message catalogues. */
const char *paths_locale_dir(void);
void paths_free(char **v, size_t n);

#endif
