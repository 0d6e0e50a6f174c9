"""The form engine: questionnaires as data files, validated, scored and exported.

One engine reads every questionnaire (``forms/*.yaml`` and the clinic's own
folder); no questionnaire has code of its own. The file format is described in
``forms/README.md`` and ``docs/FORMS-CONTRACT.md``.
"""

from dyade.forms.export import form_to_json
from dyade.forms.fhir import form_to_fhir
from dyade.forms.library import FormLibrary, default_library, load_library
from dyade.forms.loading import load_form
from dyade.forms.problems import FormFileError, FormProblem
from dyade.forms.schema import (
    MAIN_GOAL_CODES,
    STAGE_CODES,
    Form,
    Item,
    Option,
    Scale,
    Subscale,
    Text,
)
from dyade.forms.scoring import SubscaleScore, check_answers, missing_required, score_response

__all__ = [
    "MAIN_GOAL_CODES",
    "STAGE_CODES",
    "Form",
    "FormFileError",
    "FormLibrary",
    "FormProblem",
    "Item",
    "Option",
    "Scale",
    "Subscale",
    "SubscaleScore",
    "Text",
    "check_answers",
    "default_library",
    "form_to_fhir",
    "form_to_json",
    "load_form",
    "load_library",
    "missing_required",
    "score_response",
]
