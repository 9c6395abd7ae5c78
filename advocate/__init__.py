"""advocate: turn export-licence data and documented abuses into cited advocacy documents.

The pipeline reads in the package layout: :mod:`advocate.load` reads case files
and licence data, :mod:`advocate.validate.cross_records` checks them across records. Everything
the ``advocate`` command does is a function here.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("advocate")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"

from advocate.case_skeleton import init_case
from advocate.errors import CaseError
from advocate.models.case_file import CaseFile
from advocate.models.licence_table import LicenceTable
from advocate.models.period import Period
from advocate.models.problem import Problem, Severity
from advocate.validate.check import CheckResult, check_case, load_case, load_licences

__all__ = [
    "CaseError",
    "CaseFile",
    "CheckResult",
    "LicenceTable",
    "Period",
    "Problem",
    "Severity",
    "check_case",
    "init_case",
    "load_case",
    "load_licences",
]
