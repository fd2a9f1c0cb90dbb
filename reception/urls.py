app_name = "reception"

# The pages of this app come with its issue.
urlpatterns: list = []
