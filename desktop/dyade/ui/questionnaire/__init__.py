"""Reusable questionnaire widgets (patient kiosk and physician window alike).

``QuestionnaireView(session)`` fills one :class:`dyade.fill.FillSession`: big
option buttons, checklists, text, progress, Back/Next, "I prefer not to answer"
and a review list. Nothing here locks a window or resets on idle: the kiosk
adds that around it.
"""

from dyade.ui.questionnaire.answers_check import AnswersCheckList
from dyade.ui.questionnaire.item_view import ItemView
from dyade.ui.questionnaire.options import OptionButton, OptionList
from dyade.ui.questionnaire.view import QuestionnaireView

__all__ = ["AnswersCheckList", "ItemView", "OptionButton", "OptionList", "QuestionnaireView"]
