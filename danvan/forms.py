"""How every form field renders: one wrapper per field (label, input, help, errors), styled by danvan.css."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"
