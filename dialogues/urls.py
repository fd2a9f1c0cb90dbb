app_name = "dialogues"

# The pages of this app come with its issue.
urlpatterns: list = []
