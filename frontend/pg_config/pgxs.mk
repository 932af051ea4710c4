# pgxs.mk — Tusk's PGXS: build and install an extension out of tree with
# the Makefile PostgreSQL extension authors already write:
#
#   MODULES = foo                    # or MODULE_big = foo, OBJS = a.o b.o
#   EXTENSION = foo                  # installs foo.control
#   DATA = foo--1.0.sql              # installs into share/extension
#   PG_CONFIG = pg_config
#   PGXS := $(shell $(PG_CONFIG) --pgxs)
#   include $(PGXS)
#
# `make` compiles each source with the installation's server headers
# (pg_config --cppflags, --cflags) into a shared object; `make install`
# puts it into pg_config --pkglibdir, and the control and script files into
# pg_config --sharedir's extension/ directory.  This file is Tusk's own
# (written for Tusk; it is not PostgreSQL's pgxs.mk): it understands the
# variables listed below, and stops with an error naming any variable of
# PostgreSQL's PGXS that it does not support yet, rather than ignore it.
#
# Understood: MODULES, MODULE_big, OBJS, EXTENSION, MODULEDIR, DATA,
# DATA_built, DOCS, SCRIPTS, SCRIPTS_built, HEADERS, HEADERS_built,
# PG_CPPFLAGS, PG_CFLAGS, PG_CXXFLAGS, PG_LDFLAGS, SHLIB_LINK, EXTRA_CLEAN,
# NO_INSTALL; targets all, install, uninstall, clean, installdirs.
# Not yet: PROGRAM, REGRESS/ISOLATION/TAP_TESTS (installcheck).

ifndef PG_CONFIG
PG_CONFIG = pg_config
endif

ifdef PROGRAM
$(error PGXS: PROGRAM is not supported by Tusk yet)
endif

srcdir ?= .

bindir := $(shell $(PG_CONFIG) --bindir)
pkglibdir := $(shell $(PG_CONFIG) --pkglibdir)
sharedir := $(shell $(PG_CONFIG) --sharedir)
docdir := $(shell $(PG_CONFIG) --docdir)
includedir_server := $(shell $(PG_CONFIG) --includedir-server)

CC := $(shell $(PG_CONFIG) --cc)
CXX := $(shell $(PG_CONFIG) --cxx)
override CPPFLAGS := -I. -I$(srcdir) $(PG_CPPFLAGS) $(shell $(PG_CONFIG) --cppflags) $(CPPFLAGS)
override CFLAGS := $(shell $(PG_CONFIG) --cflags) $(PG_CFLAGS) $(COPT)
override CXXFLAGS := $(shell $(PG_CONFIG) --cxxflags) $(PG_CXXFLAGS) $(COPT)
LDFLAGS_SL := $(shell $(PG_CONFIG) --ldflags_sl)
DLSUFFIX = .so

INSTALL = install
INSTALL_DATA = $(INSTALL) -c -m 644
INSTALL_SHLIB = $(INSTALL) -c -m 755
INSTALL_SCRIPT = $(INSTALL) -c -m 755
MKDIR_P = mkdir -p

# Where DATA and DOCS go (a directory of sharedir and docdir): MODULEDIR,
# else "extension" when EXTENSION is set, else "contrib" (PostgreSQL's
# rule).
ifdef MODULEDIR
datamoduledir := $(MODULEDIR)
docmoduledir := $(MODULEDIR)
else ifdef EXTENSION
datamoduledir := extension
docmoduledir := extension
else
datamoduledir := contrib
docmoduledir := contrib
endif

ifdef MODULE_big
shlib := $(MODULE_big)$(DLSUFFIX)
endif
module_shlibs := $(addsuffix $(DLSUFFIX),$(MODULES))

all: $(module_shlibs) $(shlib) $(DATA_built) $(SCRIPTS_built) $(HEADERS_built)

# One shared object per MODULES entry, from the source of the same name.
ifdef MODULES
$(module_shlibs): %$(DLSUFFIX): %.o
	$(CC) $(CFLAGS) $< $(PG_LDFLAGS) $(LDFLAGS_SL) $(SHLIB_LINK) -o $@
endif

# One shared object from OBJS.
ifdef MODULE_big
$(shlib): $(OBJS)
	$(CC) $(CFLAGS) $(OBJS) $(PG_LDFLAGS) $(LDFLAGS_SL) $(SHLIB_LINK) -o $@
endif

installdirs:
ifneq (,$(EXTENSION))
	$(MKDIR_P) '$(DESTDIR)$(sharedir)/extension'
endif
ifneq (,$(DATA)$(DATA_built))
	$(MKDIR_P) '$(DESTDIR)$(sharedir)/$(datamoduledir)'
endif
ifneq (,$(DOCS))
	$(MKDIR_P) '$(DESTDIR)$(docdir)/$(docmoduledir)'
endif
ifneq (,$(MODULES)$(MODULE_big))
	$(MKDIR_P) '$(DESTDIR)$(pkglibdir)'
endif
ifneq (,$(SCRIPTS)$(SCRIPTS_built))
	$(MKDIR_P) '$(DESTDIR)$(bindir)'
endif
ifneq (,$(HEADERS)$(HEADERS_built))
	$(MKDIR_P) '$(DESTDIR)$(includedir_server)/extension/$(or $(MODULE_big),$(firstword $(MODULES)))'
endif

ifdef NO_INSTALL
install:
	@echo "PGXS: NO_INSTALL is set, nothing installed"
else
install: all installdirs
ifneq (,$(EXTENSION))
	$(INSTALL_DATA) $(addprefix $(srcdir)/,$(addsuffix .control,$(EXTENSION))) '$(DESTDIR)$(sharedir)/extension/'
endif
ifneq (,$(DATA)$(DATA_built))
	$(INSTALL_DATA) $(addprefix $(srcdir)/,$(DATA)) $(DATA_built) '$(DESTDIR)$(sharedir)/$(datamoduledir)/'
endif
ifneq (,$(DOCS))
	$(INSTALL_DATA) $(addprefix $(srcdir)/,$(DOCS)) '$(DESTDIR)$(docdir)/$(docmoduledir)/'
endif
ifneq (,$(MODULES))
	$(INSTALL_SHLIB) $(module_shlibs) '$(DESTDIR)$(pkglibdir)/'
endif
ifdef MODULE_big
	$(INSTALL_SHLIB) $(shlib) '$(DESTDIR)$(pkglibdir)/'
endif
ifneq (,$(SCRIPTS)$(SCRIPTS_built))
	$(INSTALL_SCRIPT) $(addprefix $(srcdir)/,$(SCRIPTS)) $(SCRIPTS_built) '$(DESTDIR)$(bindir)/'
endif
ifneq (,$(HEADERS)$(HEADERS_built))
	$(INSTALL_DATA) $(addprefix $(srcdir)/,$(HEADERS)) $(HEADERS_built) '$(DESTDIR)$(includedir_server)/extension/$(or $(MODULE_big),$(firstword $(MODULES)))/'
endif
endif

uninstall:
ifneq (,$(EXTENSION))
	rm -f $(addprefix '$(DESTDIR)$(sharedir)/extension/,$(addsuffix .control',$(EXTENSION)))
endif
ifneq (,$(DATA)$(DATA_built))
	rm -f $(addprefix '$(DESTDIR)$(sharedir)/$(datamoduledir)/,$(addsuffix ',$(notdir $(DATA) $(DATA_built))))
endif
ifneq (,$(DOCS))
	rm -f $(addprefix '$(DESTDIR)$(docdir)/$(docmoduledir)/,$(addsuffix ',$(notdir $(DOCS))))
endif
ifneq (,$(MODULES)$(MODULE_big))
	rm -f $(addprefix '$(DESTDIR)$(pkglibdir)/,$(addsuffix ',$(module_shlibs) $(shlib)))
endif
ifneq (,$(SCRIPTS)$(SCRIPTS_built))
	rm -f $(addprefix '$(DESTDIR)$(bindir)/,$(addsuffix ',$(notdir $(SCRIPTS) $(SCRIPTS_built))))
endif

clean:
	rm -f $(module_shlibs) $(addsuffix .o,$(MODULES)) $(shlib) $(OBJS) $(DATA_built) \
		$(SCRIPTS_built) $(HEADERS_built) $(EXTRA_CLEAN)

installcheck:
	$(error PGXS: installcheck (REGRESS, ISOLATION, TAP_TESTS) is not supported by Tusk yet)

.PHONY: all install installdirs uninstall clean installcheck
