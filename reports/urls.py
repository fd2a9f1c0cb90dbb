app_name = "reports"

# The pages of this app come with its issue.
urlpatterns: list = []
