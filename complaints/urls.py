app_name = "complaints"

# The pages of this app come with its issue.
urlpatterns: list = []
